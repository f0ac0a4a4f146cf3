package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds answers that swap the two sides of a comparison question: "masked models predict the
 * next token from the previous words, while autoregressive models see both sides" states each
 * fact of the reference about the wrong model. Word by word nothing is flipped, so the polar
 * check cannot see it, and the sentence vectors of the swapped and the right answer are nearly
 * the same. What does tell is which side each part of the answer describes and whose words it
 * uses: the reference's words about one side that it never uses about the other.
 */
final class SwappedSides {

    /**
     * Words both sides happen to share are already left out; this many more words of one side
     * than of the other, in what the answer says of a side, make that reading clear.
     */
    static final int MARGIN = 2;

    /** Clauses: a new one may open with the other side ("…, while GPT…", "…, and pre-training…"). */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?<=[.!?])\\s+|[;:,()]|\\s+(?:and|while|whereas|whilst|but|however|so|which|because)\\s+",
            Pattern.CASE_INSENSITIVE);

    /** The answer says of one side ({@code answerSide}) what the reference says of the other; both named as the question asks. */
    record Swap(String answerSide, String referenceSide) implements Contradictions.Clash {
    }

    /** What a run of clauses says of one side: the side (+1 or -1) and its plain words. */
    record Described(int side, Set<String> words) {
    }

    /** One side of the contrast as the reference describes it: its name as the question asks it and the words used of it alone. */
    record Side(String name, Set<String> ownWords) {
    }

    /** The two sides as the reference describes them; empty when it does not describe both. */
    static Map<Integer, Side> sides(String reference, Map<String, Integer> sideOfStem, Map<Integer, String> askedNames) {
        Map<Integer, Set<String>> words = new HashMap<>();
        for (Described part : describe(reference, sideOfStem, false)) {
            words.computeIfAbsent(part.side(), k -> new HashSet<>()).addAll(part.words());
        }
        if (words.size() != 2) {
            return Map.of();
        }
        Map<Integer, Side> sides = new HashMap<>();
        for (int side : words.keySet()) {
            Set<String> own = new HashSet<>(words.get(side));
            own.removeAll(words.get(-side));
            sides.put(side, new Side(askedNames.get(side), Set.copyOf(own)));
        }
        return Map.copyOf(sides);
    }

    /**
     * The first swap, when the answer describes some side in the other side's words and
     * describes no side in its own: an answer that gets one side right and words the other
     * loosely is not swapping them.
     */
    static Optional<Contradictions.Clash> find(String answer, Map<String, Integer> sideOfStem, Map<Integer, Side> sides) {
        if (sides.isEmpty()) {
            return Optional.empty();
        }
        Optional<Contradictions.Clash> swap = Optional.empty();
        for (Described part : describe(answer, sideOfStem, true)) {
            long own = part.words().stream().filter(sides.get(part.side()).ownWords()::contains).count();
            long other = part.words().stream().filter(sides.get(-part.side()).ownWords()::contains).count();
            if (own >= other + MARGIN) {
                return Optional.empty();
            }
            if (other >= own + MARGIN && swap.isEmpty()) {
                swap = Optional.of(new Swap(sides.get(part.side()).name(), sides.get(-part.side()).name()));
            }
        }
        return swap;
    }

    /**
     * Splits a text into clauses and gives each the side it opens with, or else the side of the
     * clause before ("BERT corrupts some tokens and predicts them from both sides" is about BERT
     * throughout). A side named later in a clause is not what the clause is about ("GPT is
     * trained under a causal attention mask" says nothing of masked models). Consecutive clauses about one side are one description. Negated clauses are
     * skipped when asked: "masked models do not predict the next token" rightly uses the other
     * side's words.
     */
    static List<Described> describe(String text, Map<String, Integer> sideOfStem, boolean skipNegated) {
        List<Described> parts = new ArrayList<>();
        Integer side = null;
        Set<String> words = null;
        for (String clause : CLAUSE_BREAK.split(Contradictions.HYPHEN.matcher(text).replaceAll(""))) {
            List<Terms.Term> terms = Terms.ENGLISH.stems(clause);
            Optional<Terms.Term> opening = terms.stream().findFirst().filter(t -> sideOfStem.containsKey(t.stem()));
            if (opening.isPresent() && !sideOfStem.get(opening.get().stem()).equals(side)) {
                side = sideOfStem.get(opening.get().stem());
                words = new HashSet<>();
                parts.add(new Described(side, words));
            }
            if (side == null || skipNegated && Terms.ENGLISH.words(clause).stream().anyMatch(Contradictions::isNegation)) {
                continue;
            }
            for (Terms.Term term : terms) {
                if (!sideOfStem.containsKey(term.stem()) && !FunctionWords.isEnglish(term.stem())) {
                    words.add(term.stem());
                }
            }
        }
        return parts.stream().map(p -> new Described(p.side(), Set.copyOf(p.words()))).toList();
    }

    private SwappedSides() {
    }
}
