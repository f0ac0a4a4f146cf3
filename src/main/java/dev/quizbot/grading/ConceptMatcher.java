package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.text.similarity.LevenshteinDistance;

import dev.quizbot.bank.Concept;
import dev.quizbot.grading.Terms.Term;

/**
 * Finds which key concepts an answer mentions. Each form of a concept (phrase, synonyms,
 * abbreviations) is analysed the same way as the answer; a multi-word form matches when all
 * of its terms occur within a small window in any order ("weights are frozen" for
 * "frozen weights"), and longer words tolerate a typo or two. Abbreviations ("RAG", "QLoRA")
 * match only as whole words, because one edit turns "LoRA" into "QLoRA".
 */
final class ConceptMatcher {

    /** Extra positions a multi-word form may spread over beyond its own length. */
    static final int PHRASE_SLACK = 3;
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);
    private static final LevenshteinDistance TWO_EDITS = new LevenshteinDistance(2);

    /** A concept and, when found, the answer positions it was found at. */
    record Match(Concept concept, boolean found, List<Integer> positions) {
    }

    private record Form(List<Term> terms, boolean exactOnly) {
        List<String> stems() {
            return terms.stream().map(Term::stem).toList();
        }
    }

    List<Match> match(List<Concept> concepts, List<Term> answer) {
        List<Match> matches = new ArrayList<>(concepts.size());
        for (Concept concept : concepts) {
            List<Integer> positions = List.of();
            for (String text : concept.forms()) {
                Form form = form(text);
                if (form.stems().isEmpty()) {
                    continue;
                }
                positions = find(form, answer);
                if (!positions.isEmpty()) {
                    break;
                }
            }
            matches.add(new Match(concept, !positions.isEmpty(), positions));
        }
        return matches;
    }

    private static Form form(String text) {
        List<Term> terms = Terms.ENGLISH.stems(text);
        return new Form(terms, terms.size() == 1 && isAbbreviation(text.strip()));
    }

    /** "RAG", "PEFT", "QLoRA", "NF4": two or more capitals, or letters mixed with digits, no spaces. */
    static boolean isAbbreviation(String word) {
        if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        long upper = word.chars().filter(Character::isUpperCase).count();
        boolean digits = word.chars().anyMatch(Character::isDigit);
        boolean letters = word.chars().anyMatch(Character::isLetter);
        return upper >= 2 || (digits && letters);
    }

    private static List<Integer> find(Form form, List<Term> answer) {
        List<String> stems = form.stems();
        for (int i = 0; i < answer.size(); i++) {
            Term start = answer.get(i);
            if (stems.size() > 1 && same(String.join("", stems), start.stem(), false)) {
                return List.of(start.position()); // "lowrank", "finetuning"
            }
            if (form.terms().stream().noneMatch(t -> same(t, start, form.exactOnly()))) {
                continue;
            }
            int last = start.position() + stems.size() - 1 + (stems.size() > 1 ? PHRASE_SLACK : 0);
            List<Integer> used = new ArrayList<>();
            List<Term> wanted = new ArrayList<>(form.terms());
            for (int j = i; j < answer.size() && answer.get(j).position() <= last && !wanted.isEmpty(); j++) {
                Term candidate = answer.get(j);
                for (int k = 0; k < wanted.size(); k++) {
                    if (same(wanted.get(k), candidate, form.exactOnly())) {
                        wanted.remove(k);
                        used.add(candidate.position());
                        break;
                    }
                }
            }
            if (wanted.isEmpty()) {
                return used;
            }
        }
        return List.of();
    }

    /** Same stem or a typo of it; or a typo of the word as written, since a typo can derail the stemmer. */
    private static boolean same(Term wanted, Term actual, boolean exactOnly) {
        return same(wanted.stem(), actual.stem(), exactOnly)
                || !exactOnly && same(folded(wanted.surface()), folded(actual.surface()), false);
    }

    private static String folded(String surface) {
        return surface.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Equal stems, or a typo: one edit for words of five letters or more, two from nine.
     * The first letter must agree, which keeps "pretrain" and "retrain" apart.
     */
    static boolean same(String wanted, String actual, boolean exactOnly) {
        if (wanted.equals(actual)) {
            return true;
        }
        int length = Math.min(wanted.length(), actual.length());
        if (exactOnly || length < 5 || wanted.charAt(0) != actual.charAt(0)
                || wanted.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        LevenshteinDistance distance = length >= 9 ? TWO_EDITS : ONE_EDIT;
        return distance.apply(wanted, actual) >= 0;
    }
}
