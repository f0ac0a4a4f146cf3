package dev.quizbot.bank.importer;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** Readable, unique ids for drafts: the question's content words, never one already taken. */
final class IdSlugs {

    private static final int MAX_WORDS = 6;
    /** Words that make a question read well but say nothing in an id. */
    private static final Set<String> FILLER = Set.of("you", "your", "we", "our", "between", "vs", "versus", "some",
            "different", "detail", "concept", "role", "main", "key", "common", "like", "e", "g", "s");
    private final Set<String> taken = new HashSet<>();

    IdSlugs(Set<String> existing) {
        taken.addAll(existing);
    }

    String next(String question) {
        String ascii = Normalizer.normalize(question, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String base = Arrays.stream(ascii.toLowerCase(Locale.ROOT).replaceAll("['’]s\\b", "").split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty())
                .filter(w -> !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w))
                .filter(w -> !QaDocumentParser.QUESTION_WORDS.contains(w) && !FILLER.contains(w))
                .limit(MAX_WORDS)
                .collect(Collectors.joining("-"));
        if (base.isEmpty()) {
            base = "imported-question";
        }
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
