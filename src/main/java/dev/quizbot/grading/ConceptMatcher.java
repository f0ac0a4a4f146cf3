package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    private record Form(List<Term> terms, List<String> stems, String joined, boolean exactOnly) {
    }

    /** Concept forms analysed once: they belong to the bank, and the same ones come with every answer. */
    private final Map<String, Form> forms = new ConcurrentHashMap<>();

    List<Match> match(List<Concept> concepts, List<Term> answer) {
        List<Match> matches = new ArrayList<>(concepts.size());
        for (Concept concept : concepts) {
            List<Integer> positions = List.of();
            for (String text : concept.forms()) {
                Form form = forms.computeIfAbsent(text, ConceptMatcher::form);
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
        List<String> stems = terms.stream().map(Term::stem).toList();
        return new Form(terms, stems, String.join("", stems), terms.size() == 1 && isAbbreviation(text.strip()));
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
            if (stems.size() > 1 && same(form.joined(), start.stem(), false)) {
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
                || !exactOnly && couldBeTypo(wanted.surface(), actual.surface())
                && same(folded(wanted.surface()), folded(actual.surface()), false);
    }

    /** The cheap half of {@link #same(String, String, boolean)}'s typo test, before anything is lower-cased. */
    private static boolean couldBeTypo(String wanted, String actual) {
        return Math.min(wanted.length(), actual.length()) >= 5
                && Character.toLowerCase(wanted.charAt(0)) == Character.toLowerCase(actual.charAt(0))
                && Math.abs(wanted.length() - actual.length()) <= 2;
    }

    /**
     * Stems to look words up in, exactly or with a typo, without comparing against every stem:
     * a typo keeps the first letter (see {@link #same(String, String, boolean)}), so only stems
     * that start alike are compared.
     */
    static final class StemIndex {
        private final Set<String> exact;
        private final Map<Character, List<String>> byFirstLetter = new HashMap<>();

        StemIndex(Collection<String> stems) {
            this.exact = new HashSet<>(stems);
            for (String stem : exact) {
                if (!stem.isEmpty()) {
                    byFirstLetter.computeIfAbsent(stem.charAt(0), k -> new ArrayList<>()).add(stem);
                }
            }
        }

        /** True when a stem is here, or a typo of it is. */
        boolean containsLike(String stem) {
            if (exact.contains(stem)) {
                return true;
            }
            if (stem.isEmpty()) {
                return false;
            }
            for (String candidate : byFirstLetter.getOrDefault(stem.charAt(0), List.of())) {
                if (same(stem, candidate, false)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String folded(String surface) {
        return surface.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Equal stems, or a typo: one edit for words of five letters or more, two from nine.
     * The first letter must agree, which keeps "pretrain" and "retrain" apart; numbers must
     * agree exactly ("int8" is no typo of "int4"), whichever side has them.
     */
    static boolean same(String wanted, String actual, boolean exactOnly) {
        if (wanted.equals(actual)) {
            return true;
        }
        int length = Math.min(wanted.length(), actual.length());
        if (exactOnly || length < 5 || wanted.charAt(0) != actual.charAt(0)
                || wanted.chars().anyMatch(Character::isDigit) || actual.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        LevenshteinDistance distance = length >= 9 ? TWO_EDITS : ONE_EDIT;
        return distance.apply(wanted, actual) >= 0;
    }
}
