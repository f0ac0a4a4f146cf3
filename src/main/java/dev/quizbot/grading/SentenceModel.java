package dev.quizbot.grading;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sentence-embedding models quizbot ships with ({@code quizbot.grading.model}), or none. */
public enum SentenceModel {
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q"),
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q"),
    /** Meaning is not compared; answers are graded on key concepts only. */
    NONE("none");

    private final String id;

    SentenceModel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<SentenceModel> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst();
    }
}
