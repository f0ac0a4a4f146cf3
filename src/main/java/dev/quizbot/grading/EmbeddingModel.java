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

    /** A text's vector and one vector per span of it the model read (spans past its window are left out). */
    record Parts(float[] whole, List<float[]> parts) {
    }

    /**
     * The vector of a text and of parts of it (its sentences); a text of one part is its own
     * part. This default embeds each part and the whole separately; an implementation that can
     * read the parts off one pass over the whole text should.
     */
    default Parts embedParts(String text, List<Span> spans) {
        float[] whole = embed(text);
        if (spans.size() == 1) {
            return new Parts(whole, List.of(whole));
        }
        return new Parts(whole, embedAll(spans.stream().map(s -> text.substring(s.start(), s.end())).toList()));
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
