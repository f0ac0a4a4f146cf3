package dev.quizbot.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts cues that an answer states the opposite of the reference: "higher temperature makes
 * output more deterministic" against "higher temperature makes output more random", or a
 * negated key fact. Each answer sentence is compared with the reference sentences it talks
 * about most (shares the most words with); the clause counts the conflicts of its best-agreeing
 * such sentence, so a reference that discusses both directions does not flag a correct
 * answer. A negation that flips an opposite ("does not update" against "frozen") agrees.
 */
final class Contradictions {

    /** An answer sentence's worst clash: the word it used and the reference's opposite. */
    record Clash(String answerWord, String referenceWord) {
    }

    record Result(int count, Optional<Clash> example) {
    }

    /** A sentence's content stems, the words as written for each stem, and whether it is negated. */
    record Sentence(Set<String> stems, Map<String, String> surfaces, Set<String> negated) {
        /** How far after a negation a word counts as negated ("does not change the distribution"). */
        static final int NEGATION_REACH = 4;

        static Sentence of(String text) {
            Set<String> stems = new HashSet<>();
            Map<String, String> surfaces = new HashMap<>();
            List<String> words = Terms.ENGLISH.words(text);
            Set<String> negated = new HashSet<>();
            for (Terms.Term term : Terms.ENGLISH.stems(text)) {
                stems.add(term.stem());
                surfaces.putIfAbsent(term.stem(), term.surface());
                for (int back = 1; back <= NEGATION_REACH && term.position() - back >= 0; back++) {
                    if (term.position() - back < words.size() && isNegation(words.get(term.position() - back))) {
                        negated.add(term.stem());
                    }
                }
            }
            return new Sentence(stems, surfaces, negated);
        }

        /** A word both sentences use, negated in one of them only. */
        boolean negatesDifferently(Sentence other) {
            for (String stem : stems) {
                if (other.stems.contains(stem) && negated.contains(stem) != other.negated.contains(stem)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Map<String, Set<String>> OPPOSITES = load();

    /** Clauses, so "higher makes it deterministic and lower makes it random" is read as two claims. */
    private static final java.util.regex.Pattern CLAUSE = java.util.regex.Pattern.compile(
            "[;,:]\\s+|\\s+(while|whereas|but|and|so that|however|whilst)\\s+|(?<=[.!?])\\s+", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Sentences, also cut at semicolons: the unit a reference states one fact in. */
    static List<Sentence> statements(String text) {
        return java.util.Arrays.stream(text.split("(?<=[.!?])\\s+|;\\s*")).filter(c -> !c.isBlank()).map(Sentence::of).toList();
    }

    static List<Sentence> clauses(String text) {
        return java.util.Arrays.stream(CLAUSE.split(text)).filter(c -> !c.isBlank()).map(Sentence::of).toList();
    }

    /**
     * @param anchors stems that name the things being compared (the question's words): an
     *                answer clause that says of one what the closest reference clause says of
     *                another ("beam search picks the single most likely token") swaps them
     */
    Result count(List<Sentence> answer, List<Sentence> referenceSentences, List<Sentence> referenceClauses, Set<String> anchors) {
        int total = 0;
        Clash example = null;
        Set<String> mentioned = new HashSet<>();
        answer.forEach(clause -> mentioned.addAll(clause.stems()));
        for (Sentence said : answer) {
            int best = Integer.MAX_VALUE;
            Clash bestClash = null;
            int mostShared = 0;
            for (Sentence ref : referenceSentences) {
                mostShared = Math.max(mostShared, shared(said, ref));
            }
            for (Sentence ref : referenceSentences) {
                // compare with the sentences that talk about the same thing, judged by every shared word
                if (!sharesTopic(said, ref) || shared(said, ref) < mostShared) {
                    continue;
                }
                Clash clash = opposite(said, ref);
                boolean flipped = said.negatesDifferently(ref);
                int conflicts = flipped ? (clash == null ? 1 : 0) : (clash == null ? 0 : 1);
                if (conflicts < best) {
                    best = conflicts;
                    bestClash = flipped ? new Clash("not", "") : clash;
                }
            }
            Clash swap = swapped(said, referenceClauses, anchors, mentioned);
            if (swap != null) {
                best = best == Integer.MAX_VALUE ? 1 : best + 1;
                bestClash = swap;
            }
            if (best != Integer.MAX_VALUE && best > 0) {
                total += best;
                if (example == null) {
                    example = bestClash;
                }
            }
        }
        return new Result(total, Optional.ofNullable(example));
    }

    /** Only between things the answer itself names both of, as when it describes two things and mixes them up. */
    private static Clash swapped(Sentence said, List<Sentence> reference, Set<String> anchors, Set<String> mentioned) {
        Sentence closest = null;
        int bestOverlap = 1; // at least two shared words that are not anchors
        for (Sentence ref : reference) {
            int overlap = 0;
            for (String stem : said.stems()) {
                if (!anchors.contains(stem) && ref.stems().contains(stem)) {
                    overlap++;
                }
            }
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                closest = ref;
            }
        }
        if (closest == null) {
            return null;
        }
        String saidOnly = null;
        String refOnly = null;
        for (String stem : said.stems()) {
            if (anchors.contains(stem) && !LanguageGuess.isEnglishFunctionWord(stem) && !closest.stems().contains(stem)) {
                saidOnly = said.surfaces().get(stem);
            }
        }
        for (String stem : closest.stems()) {
            if (anchors.contains(stem) && !LanguageGuess.isEnglishFunctionWord(stem) && !said.stems().contains(stem)
                    && mentioned.contains(stem)) {
                refOnly = closest.surfaces().get(stem);
            }
        }
        return saidOnly != null && refOnly != null ? new Clash(saidOnly, refOnly) : null;
    }

    static boolean isNegation(String word) {
        return switch (word) {
            case "not", "no", "never", "without", "cannot", "neither", "nor", "none", "nothing" -> true;
            default -> word.endsWith("n't") || word.endsWith("n’t");
        };
    }

    private static int shared(Sentence a, Sentence b) {
        int shared = 0;
        for (String stem : a.stems()) {
            if (b.stems().contains(stem)) {
                shared++;
            }
        }
        return shared;
    }

    private static boolean sharesTopic(Sentence a, Sentence b) {
        for (String stem : a.stems()) {
            if (!OPPOSITES.containsKey(stem) && b.stems().contains(stem)) {
                return true;
            }
        }
        return false;
    }

    private static Clash opposite(Sentence said, Sentence ref) {
        for (String stem : said.stems()) {
            Set<String> opposites = OPPOSITES.get(stem);
            if (opposites == null || ref.stems().contains(stem)) {
                continue;
            }
            for (String other : opposites) {
                if (ref.stems().contains(other) && !said.stems().contains(other)) {
                    return new Clash(said.surfaces().get(stem), ref.surfaces().get(other));
                }
            }
        }
        return null;
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> opposites = new HashMap<>();
        try (var in = Contradictions.class.getResourceAsStream("/grading/opposites.txt")) {
            if (in == null) {
                throw new IllegalStateException("grading/opposites.txt is missing from the class path");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || !line.contains("|")) {
                    continue;
                }
                String[] sides = line.split("\\|");
                Set<String> left = stems(sides[0]);
                Set<String> right = stems(sides[1]);
                left.forEach(l -> opposites.computeIfAbsent(l, k -> new HashSet<>()).addAll(right));
                right.forEach(r -> opposites.computeIfAbsent(r, k -> new HashSet<>()).addAll(left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return opposites;
    }

    private static Set<String> stems(String words) {
        Set<String> stems = new HashSet<>();
        for (String word : words.strip().split("\\s+")) {
            List<Terms.Term> terms = Terms.ENGLISH.stems(word);
            if (terms.size() == 1) {
                stems.add(terms.getFirst().stem());
            }
        }
        return stems;
    }
}
