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
 * about (shares a content word with); the sentence counts the conflicts of its best-agreeing
 * reference sentence, so a reference that discusses both directions does not flag a correct
 * answer. A negation that flips an opposite ("does not update" against "frozen") agrees.
 */
final class Contradictions {

    /** An answer sentence's worst clash: the word it used and the reference's opposite. */
    record Clash(String answerWord, String referenceWord) {
    }

    record Result(int count, Optional<Clash> example) {
    }

    /** A sentence's content stems, the words as written for each stem, and whether it is negated. */
    record Sentence(Set<String> stems, Map<String, String> surfaces, boolean negated) {
        static Sentence of(String text) {
            Set<String> stems = new HashSet<>();
            Map<String, String> surfaces = new HashMap<>();
            for (Terms.Term term : Terms.ENGLISH.stems(text)) {
                stems.add(term.stem());
                surfaces.putIfAbsent(term.stem(), term.surface());
            }
            boolean negated = Terms.ENGLISH.words(text).stream().anyMatch(Contradictions::isNegation);
            return new Sentence(stems, surfaces, negated);
        }
    }

    private static final Map<String, Set<String>> OPPOSITES = load();

    Result count(List<Sentence> answer, List<Sentence> reference) {
        int total = 0;
        Clash example = null;
        for (Sentence said : answer) {
            int best = Integer.MAX_VALUE;
            Clash bestClash = null;
            for (Sentence ref : reference) {
                if (!sharesTopic(said, ref)) {
                    continue;
                }
                Clash clash = opposite(said, ref);
                boolean flipped = said.negated() != ref.negated();
                int conflicts = flipped ? (clash == null ? 1 : 0) : (clash == null ? 0 : 1);
                if (conflicts < best) {
                    best = conflicts;
                    bestClash = flipped ? new Clash("not", "") : clash;
                }
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

    static boolean isNegation(String word) {
        return switch (word) {
            case "not", "no", "never", "without", "cannot", "neither", "nor", "none", "nothing" -> true;
            default -> word.endsWith("n't") || word.endsWith("n’t");
        };
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
