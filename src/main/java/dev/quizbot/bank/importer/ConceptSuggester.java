package dev.quizbot.bank.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.quizbot.text.AnalyzedTokens;

/**
 * Suggests the key concepts of an answer: its salient nouns and two-word noun phrases (parts of
 * speech from {@link PartsOfSpeech}), ranked by TF-IDF
 * against a corpus of answers (the import batch and the bank), so that words every answer uses
 * ("model", "training") rank below the ones that make this answer what it is.
 */
final class ConceptSuggester {

    static final int MAX_CONCEPTS = 4;
    private static final double PHRASE_BONUS = 1.5;
    private static final double IN_QUESTION_PENALTY = 0.5;

    /** Hedges and connectives: never the heart of a concept, though stop-word lists keep them. */
    private static final Set<String> WEAK = Terms.stemsOf(
            "like may might several various many much also often usually typically etc e.g i.e "
            + "allows allowing helps helping makes making better more less way ways well can could "
            + "such within without across based using used uses").stream().collect(java.util.stream.Collectors.toSet());

    private record Candidate(String key, List<String> stems, String surface, int firstPosition) {
    }

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int documents;
    private final PartsOfSpeech partsOfSpeech = new PartsOfSpeech();

    ConceptSuggester(Collection<String> corpus) {
        for (String text : corpus) {
            Set<String> keys = new HashSet<>();
            candidates(text).forEach(c -> keys.add(c.key()));
            keys.forEach(k -> documentFrequency.merge(k, 1, Integer::sum));
        }
        this.documents = corpus.size();
    }

    List<String> suggest(String question, String answer) {
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Candidate> firstSeen = new LinkedHashMap<>();
        for (Candidate c : candidates(answer)) {
            frequency.merge(c.key(), 1, Integer::sum);
            firstSeen.putIfAbsent(c.key(), c);
        }
        Set<String> questionStems = Terms.stemsOf(question);
        Comparator<Candidate> bySalience = Comparator.<Candidate>comparingDouble(
                c -> score(c, frequency.get(c.key()), questionStems)).reversed()
                .thenComparingInt(Candidate::firstPosition);
        List<String> concepts = new ArrayList<>();
        Set<String> used = new HashSet<>();
        // A term no other answer uses is usually incidental wording, not a concept, unless it recurs here.
        List<Candidate> recurring = firstSeen.values().stream()
                .filter(c -> documentFrequency.getOrDefault(c.key(), 0) >= 2 || frequency.get(c.key()) >= 2)
                .sorted(bySalience)
                .toList();
        for (Candidate c : recurring) {
            if (concepts.size() == MAX_CONCEPTS) {
                break;
            }
            if (c.stems().stream().noneMatch(used::contains)) {
                concepts.add(c.surface());
                used.addAll(c.stems());
            }
        }
        return concepts;
    }

    private double score(Candidate c, int frequency, Set<String> questionStems) {
        double idf = Math.log((documents + 1.0) / (documentFrequency.getOrDefault(c.key(), 0) + 1.0)) + 1.0;
        double score = (1 + Math.log(frequency)) * idf;
        if (c.stems().size() > 1) {
            score *= PHRASE_BONUS;
        }
        if (questionStems.containsAll(c.stems())) {
            score *= IN_QUESTION_PENALTY;
        }
        return score;
    }

    /**
     * Nouns, and adjacent pairs (no stop word between them) of a noun or adjective and the noun it
     * modifies, with their wording in the text: noun phrases, the way concepts are named, so never a
     * verb ("LoRA freezes"), an adverb or a function word ("than greedy").
     */
    private List<Candidate> candidates(String text) {
        List<AnalyzedTokens.Token> tokens = Terms.tokens(text);
        PartsOfSpeech.Tagged tags = partsOfSpeech.tag(text);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            AnalyzedTokens.Token t = tokens.get(i);
            boolean noun = tags.isNoun(t.start(), t.end());
            if (usable(t.term()) && noun) {
                candidates.add(new Candidate(t.term(), List.of(t.term()), surface(text, t.start(), t.end()), i));
            }
            if (i + 1 < tokens.size()) {
                AnalyzedTokens.Token next = tokens.get(i + 1);
                boolean adjacent = next.positionIncrement() == 1
                        && text.substring(t.end(), next.start()).matches("[\\s-]*");
                if (adjacent && usable(t.term()) && usable(next.term()) && !t.term().equals(next.term())
                        && tags.isModifier(t.start(), t.end()) && tags.isNoun(next.start(), next.end())) {
                    candidates.add(new Candidate(t.term() + " " + next.term(), List.of(t.term(), next.term()),
                            surface(text, t.start(), next.end()), i));
                    // a hyphenated modifier is one word: "low-rank matrices", not "rank matrices"
                    AnalyzedTokens.Token before = i > 0 ? tokens.get(i - 1) : null;
                    if (before != null && usable(before.term()) && text.substring(before.end(), t.start()).equals("-")) {
                        candidates.add(new Candidate(before.term() + " " + t.term() + " " + next.term(),
                                List.of(before.term(), t.term(), next.term()), surface(text, before.start(), next.end()), i - 1));
                    }
                }
            }
        }
        return candidates;
    }

    private static boolean usable(String stem) {
        return stem.length() >= 3 && stem.chars().anyMatch(Character::isLetter) && !WEAK.contains(stem);
    }

    /** Acronyms and product names keep their capitals ("LoRA", "RLHF"); other words go lower case. */
    private static String surface(String text, int start, int end) {
        StringBuilder surface = new StringBuilder();
        for (String word : text.substring(start, end).split("(?<=[\\s-])")) {
            long capitals = word.chars().filter(Character::isUpperCase).count();
            surface.append(capitals >= 2 ? word : word.toLowerCase(Locale.ROOT));
        }
        return surface.toString().replaceAll("\\s+", " ");
    }
}
