package dev.quizbot.grading;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * Loads the configured ONNX sentence model from its Maven artifact (model and tokenizer ship
 * inside the jar, so nothing is fetched at run time). Loading can fail on a platform without
 * ONNX Runtime natives or in a trimmed jar; that is reported once and grading carries on
 * with key concepts only.
 */
public final class SentenceModels {

    private static final Logger log = LoggerFactory.getLogger(SentenceModels.class);

    /** Runs embedAll's segments on the calling thread: callers already grade in parallel. */
    private static final Executor CALLER_THREAD = Runnable::run;

    /** Either a loaded model or the reason there is none, worded for a person. */
    public sealed interface Load {
        record Ready(EmbeddingModel model) implements Load {
        }

        record Unavailable(String reason) implements Load {
        }

        default Optional<EmbeddingModel> loaded() {
            return this instanceof Ready ready ? Optional.of(ready.model()) : Optional.empty();
        }
    }

    private SentenceModels() {
    }

    public static Load load(SentenceModel choice) {
        return switch (choice) {
            case ALL_MINILM_L6_V2_Q -> sentenceEncoder(choice.id(), "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json",
                    OnnxSentenceEncoder.Pooling.MEAN, 256, () -> new AllMiniLmL6V2QuantizedEmbeddingModel(CALLER_THREAD));
            case BGE_SMALL_EN_V15_Q -> sentenceEncoder(choice.id(), "/bge-small-en-v1.5-q.onnx", "/bge-small-en-v1.5-q-tokenizer.json",
                    OnnxSentenceEncoder.Pooling.CLS, 512, () -> new BgeSmallEnV15QuantizedEmbeddingModel(CALLER_THREAD));
            case NONE -> new Load.Unavailable("meaning comparison is switched off (quizbot.grading.model=none)");
        };
    }

    /**
     * Runs the model's files through an encoder that embeds an answer and its sentences in one
     * model call, reading at most {@code maxTokens} word pieces (the window the model was trained
     * with). Only if that encoder cannot start is langchain4j's own model loaded instead: loading
     * both would read and initialise the same model twice at every start.
     */
    private static Load sentenceEncoder(String name, String modelResource, String tokenizerResource, OnnxSentenceEncoder.Pooling pooling,
                                        int maxTokens, Supplier<dev.langchain4j.model.embedding.EmbeddingModel> fallback) {
        try {
            var encoder = OnnxSentenceEncoder.fromClassPath(name, modelResource, tokenizerResource, pooling, maxTokens);
            encoder.embed("warm up"); // fail here, at start, rather than on someone's first answer
            return new Load.Ready(encoder);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Embedding answer sentences one model call each: the sentence encoder could not start ({}).", rootMessage(e));
            return load(name, fallback);
        }
    }

    /** Loads any langchain4j in-process model; a failure becomes {@link Load.Unavailable} with one warning. */
    static Load load(String name, Supplier<dev.langchain4j.model.embedding.EmbeddingModel> factory) {
        try {
            var model = factory.get();
            model.embed("warm up"); // fail here, at start, rather than on someone's first answer
            return new Load.Ready(new Langchain4jModel(name, model));
        } catch (RuntimeException | LinkageError e) {
            String reason = "the sentence-embedding model '" + name + "' could not be loaded (" + rootMessage(e) + ")";
            log.warn("Grading on key concepts only: {}. Check that the model jar is on the class path and ONNX Runtime supports this platform.", reason);
            return new Load.Unavailable(reason);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private record Langchain4jModel(String name, dev.langchain4j.model.embedding.EmbeddingModel model) implements EmbeddingModel {
        @Override
        public float[] embed(String text) {
            return model.embed(text).content().vector();
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            if (texts.size() == 1) {
                return List.of(embed(texts.getFirst()));
            }
            return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                    .map(e -> e.vector()).toList();
        }
    }
}
