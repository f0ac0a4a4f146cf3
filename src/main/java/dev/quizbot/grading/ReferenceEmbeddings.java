package dev.quizbot.grading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vectors of texts that repeat (reference answers and their sentences, questions, accepted
 * answers): memory first, then the store, and the model only when neither has it.
 */
final class ReferenceEmbeddings {

    private final EmbeddingModel model;
    private final ReferenceEmbeddingStore store;
    private final Map<String, float[]> memory = new ConcurrentHashMap<>();

    ReferenceEmbeddings(EmbeddingModel model, ReferenceEmbeddingStore store) {
        this.model = model;
        this.store = store;
    }

    /** Keyed by the text itself in memory (no hashing per answer), by its SHA-256 in the store. */
    float[] vector(String text) {
        return memory.computeIfAbsent(text, t -> {
            String hash = sha256(t);
            return store.find(model.cacheKey(), hash).orElseGet(() -> {
                float[] vector = model.embed(t);
                store.save(model.cacheKey(), hash, vector);
                return vector;
            });
        });
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
