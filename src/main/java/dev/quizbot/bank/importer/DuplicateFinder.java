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
 * question once case and punctuation are ignored, questions whose subject terms (Lucene English
 * stems, question words left out) overlap by at least {@value #SIMILAR} (Jaccard), or, with the
 * grader's sentence model, questions whose meaning is at least {@value #SAME_MEANING} alike (cosine
 * of their sentence vectors). The description names both scores, so a reviewer sees how close.
 */
final class DuplicateFinder {

    static final double SIMILAR = 0.6;
    /**
     * From here two questions ask the same thing in other words ("What is beam search?" and "What is
     * beam search and how does it differ from greedy decoding?" score 0.81 with MiniLM, "What is LoRA?" and
     * "What are LoRA and QLoRA?" 0.78), while
     * different subjects of one kind ("What is beam search?", "What is nucleus sampling?") stay below.
     */
    static final double SAME_MEANING = 0.75;

    private record Known(String id, String question, Set<String> subject, String normalised, List<Source> sources,
            String description, float[] meaning) {
    }

    private final List<Known> known = new ArrayList<>();
    private final Optional<QuestionMeanings> meanings;

    DuplicateFinder(Collection<Question> bank, Optional<QuestionMeanings> meanings) {
        this.meanings = meanings;
        List<Question> questions = meanings.map(QuestionMeanings::questions).orElse(List.copyOf(bank));
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            int index = i;
            known.add(known(q.id(), q.question(), q.sources(), "bank entry '" + q.id() + "'",
                    meanings.map(m -> m.vectorOf(index)).orElse(null)));
        }
    }

    /** Which known entry the question duplicates, described for a reviewer with how alike they are. */
    Optional<String> duplicateOf(String question, Source source) {
        Set<String> subject = Terms.subjectOf(question);
        String normalised = normalise(question);
        for (Known k : known) {
            if (k.sources().contains(source)) {
                return Optional.of(k.description() + " (it already lists this heading as a source)");
            }
        }
        float[] meaning = meanings.map(m -> m.embed(question)).orElse(null);
        Known best = null;
        double bestScore = 0;
        String bestScores = "";
        for (Known k : known) {
            double words = Terms.jaccard(subject, k.subject());
            double alike = meaning == null || k.meaning() == null ? 0 : QuestionMeanings.similarity(meaning, k.meaning());
            boolean same = k.normalised().equals(normalised);
            if ((same || words >= SIMILAR || alike >= SAME_MEANING) && Math.max(words, alike) + (same ? 1 : 0) > bestScore) {
                best = k;
                bestScore = Math.max(words, alike) + (same ? 1 : 0);
                bestScores = same ? "same wording" : (meaning == null ? "" : String.format(java.util.Locale.ROOT, "meaning %.2f, ", alike))
                        + String.format(java.util.Locale.ROOT, "shared words %.2f", words);
            }
        }
        Known found = best;
        String scores = bestScores;
        return Optional.ofNullable(found).map(k -> k.description() + ": \"" + k.question() + "\" (" + scores + ")");
    }

    void remember(String id, String question, Source source) {
        known.add(known(id, question, List.of(source), "draft '" + id + "' (" + source.document() + ")",
                meanings.map(m -> m.embed(question)).orElse(null)));
    }

    private static Known known(String id, String question, List<Source> sources, String description, float[] meaning) {
        return new Known(id, question, Terms.subjectOf(question), normalise(question), sources, description, meaning);
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
