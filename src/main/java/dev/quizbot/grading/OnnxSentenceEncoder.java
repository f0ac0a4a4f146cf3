package dev.quizbot.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Runs the sentence model shipped in a langchain4j model jar with ONNX Runtime directly, so an
 * answer costs ONE model call that yields both its vector (pooled as langchain4j pools it:
 * identical vectors) and the state of every word piece, which the grader pools per word to align
 * the answer's words with the reference's. langchain4j itself offers pooled vectors only. The model reads at most
 * the window it was trained with ({@code maxTokens} word pieces, [CLS] and [SEP] included: 256
 * for all-MiniLM-L6-v2, 512 for BGE-small, where sentence-transformers truncates too); the rest
 * of a longer text is not read, for answers and references alike. Thread-safe: ONNX Runtime
 * sessions and the tokenizer may be used from several threads.
 */
final class OnnxSentenceEncoder implements EmbeddingModel {

    enum Pooling { MEAN, CLS }

    private final String name;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Set<String> inputs;
    private final HuggingFaceTokenizer tokenizer;
    private final Pooling pooling;
    private final int maxTokens;

    private OnnxSentenceEncoder(String name, OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
                                Pooling pooling, int maxTokens) throws OrtException {
        this.name = name;
        this.environment = environment;
        this.session = session;
        this.inputs = session.getInputNames();
        this.tokenizer = tokenizer;
        this.pooling = pooling;
        this.maxTokens = maxTokens;
    }

    /** Loads model and tokenizer from the class path (the resources of the langchain4j model jar). */
    static OnnxSentenceEncoder fromClassPath(String name, String modelResource, String tokenizerResource, Pooling pooling,
                                             int maxTokens) {
        try (InputStream model = resource(modelResource); InputStream tokenizer = resource(tokenizerResource)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes());
            return new OnnxSentenceEncoder(name, environment, session,
                    HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false", "truncation", "false")), pooling, maxTokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + modelResource + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = OnnxSentenceEncoder.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the class path");
        }
        return in;
    }

    @Override
    public String name() {
        return name;
    }

    /** Vectors read the first {@code maxTokens} word pieces only, so cached ones are keyed by the window too. */
    @Override
    public String cacheKey() {
        return name + "@" + maxTokens;
    }

    @Override
    public float[] embed(String text) {
        Window encoding = window(tokenizer.encode(text, true, false));
        float[][] states = run(encoding);
        return normalize(pooling == Pooling.CLS ? states[0].clone() : mean(states, 0, states.length));
    }

    @Override
    public TokenStates tokenStates(String text) {
        Window encoding = window(tokenizer.encode(text, true, false));
        float[][] states = run(encoding);
        float[] whole = normalize(pooling == Pooling.CLS ? states[0].clone() : mean(states, 0, states.length));
        CharSpan[] tokenSpans = encoding.spans();
        long[] special = encoding.special();
        List<float[]> kept = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int t = 0; t < states.length; t++) {
            if (special[t] == 1 || tokenSpans[t] == null) {
                continue;
            }
            kept.add(normalize(states[t].clone()));
            spans.add(new Span(tokenSpans[t].getStart(), tokenSpans[t].getEnd()));
        }
        return new TokenStates(whole, kept, spans);
    }

    /** The word pieces the model reads; {@code readUpTo} is the first character past them. */
    private record Window(long[] ids, long[] mask, long[] types, long[] special, CharSpan[] spans, int readUpTo) {
    }

    /** The first {@code maxTokens} word pieces, the closing [SEP] kept, as sentence-transformers truncates. */
    private Window window(Encoding encoding) {
        long[] ids = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        if (ids.length <= maxTokens) {
            return new Window(ids, encoding.getAttentionMask(), encoding.getTypeIds(), encoding.getSpecialTokenMask(), spans, Integer.MAX_VALUE);
        }
        int readUpTo = 0;
        for (int t = 0; t < maxTokens - 1; t++) {
            if (spans[t] != null) {
                readUpTo = Math.max(readUpTo, spans[t].getEnd());
            }
        }
        return new Window(cut(ids), cut(encoding.getAttentionMask()), cut(encoding.getTypeIds()), cut(encoding.getSpecialTokenMask()),
                cut(spans), readUpTo);
    }

    private long[] cut(long[] values) {
        long[] kept = Arrays.copyOf(values, maxTokens);
        kept[maxTokens - 1] = values[values.length - 1];
        return kept;
    }

    private CharSpan[] cut(CharSpan[] values) {
        CharSpan[] kept = Arrays.copyOf(values, maxTokens);
        kept[maxTokens - 1] = values[values.length - 1];
        return kept;
    }

    private float[][] run(Window encoding) {
        long[] shape = {1, encoding.ids().length};
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.ids()), shape);
             OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.mask()), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.types()), shape)) {
            Map<String, OnnxTensor> feed = new HashMap<>();
            feed.put("input_ids", ids);
            feed.put("attention_mask", mask);
            if (inputs.contains("token_type_ids")) {
                feed.put("token_type_ids", types);
            }
            try (OrtSession.Result result = session.run(feed)) {
                return ((float[][][]) result.get(0).getValue())[0];
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to embed a text: " + e.getMessage(), e);
        }
    }

    private static float[] mean(float[][] states, int from, int to) {
        float[] mean = new float[states[0].length];
        for (int t = from; t < to; t++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += states[t][j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= to - from;
        }
        return mean;
    }

    private static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm == 0) {
            return vector;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
        return vector;
    }
}
