package dev.quizbot.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * A key idea an interviewer listens for: a phrase and the other ways people say it
 * (synonyms, abbreviations, spelled-out forms).
 */
public record Concept(String phrase, List<String> synonyms) {

    public Concept {
        synonyms = List.copyOf(synonyms);
    }

    public static Concept of(String phrase, String... synonyms) {
        return new Concept(phrase, List.of(synonyms));
    }

    /** The phrase first, then its synonyms. */
    public List<String> forms() {
        List<String> forms = new ArrayList<>(synonyms.size() + 1);
        forms.add(phrase);
        forms.addAll(synonyms);
        return forms;
    }
}
