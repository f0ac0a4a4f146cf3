package dev.quizbot.bank;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A question as the bank's YAML files write it, field for field in the loader's order: what the
 * importer's drafts and {@code export-bank} both write, so both load back the same way.
 */
public final class QuestionYaml {

    private QuestionYaml() {
    }

    /** The entry for one question; empty lists and an absent origin are left out. */
    public static Map<String, Object> entry(Question q) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", q.id());
        entry.put("topic", q.topic());
        entry.put("difficulty", q.difficulty().slug());
        entry.put("question", q.question());
        entry.put("answer", q.answer());
        if (!q.concepts().isEmpty()) {
            entry.put("concepts", q.concepts().stream().map(QuestionYaml::concept).toList());
        }
        if (!q.accept().isEmpty()) {
            entry.put("accept", q.accept());
        }
        if (!q.misconceptions().isEmpty()) {
            entry.put("misconceptions", q.misconceptions());
        }
        q.origin().ifPresent(origin -> entry.put("origin", origin));
        if (!q.sources().isEmpty()) {
            entry.put("sources", q.sources().stream().map(s -> {
                Map<String, String> source = new LinkedHashMap<>();
                source.put("document", s.document());
                source.put("heading", s.heading());
                return source;
            }).toList());
        }
        return entry;
    }

    /** A concept without synonyms is its phrase alone, as people write it. */
    private static Object concept(Concept c) {
        if (c.synonyms().isEmpty()) {
            return c.phrase();
        }
        Map<String, Object> concept = new LinkedHashMap<>();
        concept.put("phrase", c.phrase());
        concept.put("synonyms", c.synonyms());
        return concept;
    }
}
