package dev.quizbot.bank.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.Source;

/**
 * Spots drafts that repeat a bank entry or an earlier draft: the same source heading, the same
 * question once case and punctuation are ignored, or questions whose subject terms (Lucene English
 * stems, question words left out) overlap by at least {@value #SIMILAR} (Jaccard).
 */
final class DuplicateFinder {

    static final double SIMILAR = 0.6;

    private record Known(String id, String question, Set<String> subject, String normalised, List<Source> sources,
            String description) {
    }

    private final List<Known> known = new ArrayList<>();

    DuplicateFinder(Collection<Question> bank) {
        bank.forEach(q -> known.add(known(q.id(), q.question(), q.sources(), "bank entry '" + q.id() + "'")));
    }

    /** Which known entry the question duplicates, described for a reviewer. */
    Optional<String> duplicateOf(String question, Source source) {
        Set<String> subject = Terms.subjectOf(question);
        String normalised = normalise(question);
        for (Known k : known) {
            if (k.sources().contains(source)) {
                return Optional.of(k.description() + " (it already lists this heading as a source)");
            }
        }
        return known.stream()
                .filter(k -> k.normalised().equals(normalised) || Terms.jaccard(subject, k.subject()) >= SIMILAR)
                .findFirst()
                .map(k -> k.description() + ": \"" + k.question() + "\"");
    }

    void remember(String id, String question, Source source) {
        known.add(known(id, question, List.of(source),
                "draft '" + id + "' (" + source.document() + ")"));
    }

    private static Known known(String id, String question, List<Source> sources, String description) {
        return new Known(id, question, Terms.subjectOf(question), normalise(question), sources, description);
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
