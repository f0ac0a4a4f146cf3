package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds answers that deny what the reference states: "ReLU doesn't help with vanishing
 * gradients" against "ReLU helps with vanishing gradients". A negation governs the few words
 * after it; when two or more of their content words stand close together in a reference
 * sentence that does not negate them, the answer denies a fact the reference asserts. One word
 * is not enough: "no examples" denies nothing when the reference itself says "without examples",
 * and single words recur everywhere. On labelled answers this still flags some correct ones
 * (a decoder "cannot see future tokens" where the reference says it sees earlier ones), so it
 * is a feature the fitted weights weigh, not a contradiction that rules out a correct verdict.
 */
final class NegatedFacts {

    /** Content words a denial must share with one stretch of a reference sentence. */
    static final int SHARED_WORDS = 2;

    /** How close together (in word positions) those words must be in the reference. */
    static final int WINDOW = 6;

    private static final Pattern CLAUSE_BREAK = Pattern.compile("(?<=[.!?])\\s+|[;:,]|\\s+(?:but|however|while|whereas)\\s+", Pattern.CASE_INSENSITIVE);

    /** The answer denies words ({@code denied}) that the reference states ({@code stated}). */
    record Denial(String denied, String stated) implements Contradictions.Clash {
    }

    private NegatedFacts() {
    }

    /** A reference sentence analysed once per question: its words (for negations) and content terms. */
    record Stated(List<String> words, List<Terms.Term> terms) {

        static List<Stated> of(List<String> sentences) {
            return sentences.stream().map(s -> new Stated(Terms.ENGLISH.words(s), Terms.ENGLISH.stems(s))).toList();
        }
    }

    static Optional<Denial> find(String answer, List<Stated> reference) {
        for (String clause : CLAUSE_BREAK.split(answer)) {
            List<Terms.Term> denied = denied(clause);
            if (denied.size() < SHARED_WORDS) {
                continue;
            }
            for (Stated sentence : reference) {
                Optional<String> asserted = asserted(denied, sentence);
                if (asserted.isPresent()) {
                    return Optional.of(new Denial(denied.stream().map(Terms.Term::surface).collect(java.util.stream.Collectors.joining(" ")), asserted.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Content terms within reach after a negation. */
    private static List<Terms.Term> denied(String clause) {
        List<String> words = Terms.ENGLISH.words(clause);
        List<Terms.Term> denied = new ArrayList<>();
        for (Terms.Term term : Terms.ENGLISH.stems(clause)) {
            if (Contradictions.negated(words, term.position()) && !FunctionWords.isEnglish(term.stem())) {
                denied.add(term);
            }
        }
        return denied;
    }

    /** The reference's words when it states (not negated) enough of the denied words close together. */
    private static Optional<String> asserted(List<Terms.Term> denied, Stated sentence) {
        Set<String> deniedStems = new HashSet<>();
        denied.forEach(t -> deniedStems.add(t.stem()));
        List<String> words = sentence.words();
        List<Terms.Term> terms = sentence.terms().stream().filter(t -> deniedStems.contains(t.stem())).toList();
        for (int i = 0; i < terms.size(); i++) {
            Set<String> together = new HashSet<>();
            StringBuilder surface = new StringBuilder();
            for (int j = i; j < terms.size() && terms.get(j).position() - terms.get(i).position() <= WINDOW; j++) {
                if (Contradictions.negated(words, terms.get(j).position())) {
                    together.clear();
                    break;
                }
                if (together.add(terms.get(j).stem())) {
                    surface.append(surface.isEmpty() ? "" : " ").append(terms.get(j).surface());
                }
            }
            if (together.size() >= SHARED_WORDS) {
                return Optional.of(surface.toString());
            }
        }
        return Optional.empty();
    }
}
