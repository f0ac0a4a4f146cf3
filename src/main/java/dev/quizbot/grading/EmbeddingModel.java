package dev.quizbot.grading;

import java.util.List;

/**
 * Turns text into a unit-length sentence vector, in process. The grader depends on this port,
 * not on a particular runtime; {@link SentenceModels} provides the ONNX implementations.
 * Implementations are thread-safe.
 */
public interface EmbeddingModel {

    /** Stable name, part of the cache key for reference vectors (vectors of different models never mix). */
    String name();

    /**
     * Key of this model's vectors in the reference cache: the name, plus anything else that
     * changes the vectors (how much of a text is read), so a changed setting never serves stale ones.
     */
    default String cacheKey() {
        return name();
    }

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    /** Characters {@code [start, end)} of a text. */
    record Span(int start, int end) {
    }

    /**
     * A text read once: its vector and the unit-length state of every word piece the model read,
     * with the characters each covers. Word vectors for aligning an answer's words with the
     * reference's are pooled from these. A model that cannot expose its token states gives none,
     * and alignment falls back to matching stems.
     */
    record TokenStates(float[] whole, List<float[]> states, List<Span> spans) {
    }

    default TokenStates tokenStates(String text) {
        return new TokenStates(embed(text), List.of(), List.of());
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
