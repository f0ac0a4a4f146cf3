package dev.quizbot.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
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
 * answer and each of its sentences cost ONE model call: the whole text is encoded once, its
 * vector pooled as langchain4j pools it (identical vectors), and each sentence's vector pooled
 * from the token states of that sentence's span (the mean of its tokens, read in the context of
 * the whole answer). langchain4j itself offers one pass per text only. Texts longer than the
 * model's window go to {@code longTexts} (langchain4j, which splits them). Thread-safe: ONNX
 * Runtime sessions and the tokenizer may be used from several threads.
 */
final class OnnxSentenceEncoder implements EmbeddingModel {

    /** Tokens per sequence, [CLS] and [SEP] included. */
    private static final int MAX_TOKENS = 512;

    enum Pooling { MEAN, CLS }

    private final String name;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Set<String> inputs;
    private final HuggingFaceTokenizer tokenizer;
    private final Pooling pooling;
    private final EmbeddingModel longTexts;

    private OnnxSentenceEncoder(String name, OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
                                Pooling pooling, EmbeddingModel longTexts) throws OrtException {
        this.name = name;
        this.environment = environment;
        this.session = session;
        this.inputs = session.getInputNames();
        this.tokenizer = tokenizer;
        this.pooling = pooling;
        this.longTexts = longTexts;
    }

    /** Loads model and tokenizer from the class path (the resources of the langchain4j model jar). */
    static OnnxSentenceEncoder fromClassPath(String name, String modelResource, String tokenizerResource, Pooling pooling,
                                             EmbeddingModel longTexts) {
        try (InputStream model = resource(modelResource); InputStream tokenizer = resource(tokenizerResource)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes());
            return new OnnxSentenceEncoder(name, environment, session,
                    HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false", "truncation", "false")), pooling, longTexts);
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

    @Override
    public float[] embed(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        if (encoding.getIds().length > MAX_TOKENS) {
            return longTexts.embed(text);
        }
        float[][] states = run(encoding);
        return normalize(pooling == Pooling.CLS ? states[0].clone() : mean(states, 0, states.length));
    }

    @Override
    public Parts embedParts(String text, List<Span> spans) {
        Encoding encoding = tokenizer.encode(text, true, false);
        if (encoding.getIds().length > MAX_TOKENS) {
            return EmbeddingModel.super.embedParts(text, spans);
        }
        float[][] states = run(encoding);
        float[] whole = normalize(pooling == Pooling.CLS ? states[0].clone() : mean(states, 0, states.length));
        if (spans.size() == 1) {
            return new Parts(whole, List.of(whole));
        }
        CharSpan[] tokenSpans = encoding.getCharTokenSpans();
        long[] special = encoding.getSpecialTokenMask();
        List<float[]> parts = new ArrayList<>();
        for (Span span : spans) {
            float[] sum = new float[states[0].length];
            int count = 0;
            for (int t = 0; t < states.length; t++) {
                CharSpan token = tokenSpans[t];
                if (special[t] == 1 || token == null || token.getStart() < span.start() || token.getStart() >= span.end()) {
                    continue;
                }
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += states[t][j];
                }
                count++;
            }
            // a span the tokenizer gave no token of (offsets it could not map) is embedded alone
            parts.add(count == 0 ? embed(text.substring(span.start(), span.end())) : normalize(sum));
        }
        return new Parts(whole, parts);
    }

    private float[][] run(Encoding encoding) {
        long[] shape = {1, encoding.getIds().length};
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getIds()), shape);
             OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape)) {
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
