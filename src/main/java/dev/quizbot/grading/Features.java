package dev.quizbot.grading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurements the fitted model weighs, by name. Concept features are always present;
 * meaning features only when a sentence model is loaded.
 */
record Features(Map<String, Double> values) {

    static final List<String> CONCEPT_FEATURES = List.of(
            "coverage", "all_concepts", "reference_terms", "question_echo", "unrelated_terms",
            "contradiction", "denial", "unsupported_contradiction", "function_words", "statement", "listed_concepts", "length", "list_like", "injection", "code");
    static final List<String> MEANING_FEATURES = List.of(
            "similarity", "sentence_best", "reference_recall", "answer_precision",
            "question_similarity");

    Features {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    double get(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no feature '" + name + "' (have " + values.keySet() + ")");
        }
        return value;
    }

    boolean hasMeaning() {
        return values.containsKey("similarity");
    }
}
