package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quizbot.bank.Concept;
import dev.quizbot.grading.Terms.Term;

/**
 * Picks 3-5 salient terms of a reference answer as concepts for questions that have none
 * (imported drafts, public benchmark items). Salient means: what the reference adds to the
 * question (repeating the question earns nothing), said more than once, written as an
 * abbreviation, or a long specific word.
 */
final class ConceptDeriver {

    static final int MIN_CONCEPTS = 3;
    static final int MAX_CONCEPTS = 5;

    List<Concept> derive(String question, String reference) {
        Set<String> asked = new HashSet<>();
        Terms.ENGLISH.stems(question).forEach(t -> asked.add(t.stem()));

        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Term term : Terms.ENGLISH.stems(reference)) {
            if (term.stem().length() < 3 && !ConceptMatcher.isAbbreviation(term.surface())
                    || term.stem().chars().allMatch(Character::isDigit)
                    || FunctionWords.isEnglish(term.surface().toLowerCase(java.util.Locale.ROOT))) {
                // "them", "which": Lucene's short stop list keeps them, but they are no concept
                continue;
            }
            candidates.computeIfAbsent(term.stem(), s -> new Candidate(term.surface(), term.position())).count++;
        }
        List<Map.Entry<String, Candidate>> ranked = new ArrayList<>(candidates.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, Candidate>>comparingDouble(e -> -salience(e.getKey(), e.getValue(), asked))
                .thenComparingInt(e -> e.getValue().firstPosition));

        long novel = ranked.stream().filter(e -> !asked.contains(e.getKey())).count();
        int wanted = (int) Math.max(MIN_CONCEPTS, Math.min(MAX_CONCEPTS, (novel + 2) / 3 + 2));
        List<Concept> concepts = new ArrayList<>();
        for (var entry : ranked.subList(0, Math.min(wanted, ranked.size()))) {
            String surface = entry.getValue().surface;
            concepts.add(Concept.of(ConceptMatcher.isAbbreviation(surface) ? surface : surface.toLowerCase(java.util.Locale.ROOT)));
        }
        return concepts;
    }

    private static double salience(String stem, Candidate candidate, Set<String> asked) {
        double score = Math.min(candidate.count, 3);
        if (!asked.contains(stem)) {
            score += 3;
        }
        if (ConceptMatcher.isAbbreviation(candidate.surface)) {
            score += 1.5;
        }
        score += Math.min(stem.length(), 10) / 5.0;
        return score;
    }

    private static final class Candidate {
        final String surface;
        final int firstPosition;
        int count;

        Candidate(String surface, int firstPosition) {
            this.surface = surface;
            this.firstPosition = firstPosition;
        }
    }
}
