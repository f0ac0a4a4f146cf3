package dev.quizbot.bank.importer;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.Topic;
import dev.quizbot.text.AnalyzedTokens;

/**
 * Guesses a draft's topic from the words of {@code topics.yaml} (slug, name and description), from
 * the bank question sharing most of its words and, with the grader's sentence model, from the bank
 * questions nearest in meaning (so "What is beam search?" goes where "What is beam search and how does
 * it differ from greedy decoding?" is, though neither names its topic); {@value #UNSURE} when nothing
 * points anywhere, so a reviewer must choose (the loader rejects undeclared topics).
 */
final class TopicGuesser {

    static final String UNSURE = "imported";
    private static final int ANSWER_TERMS = 60;
    private static final double SIMILAR_BANK_QUESTION = 0.35;
    /** Words nearly every interview question uses; they say nothing about the topic. */
    private static final Set<String> GENERIC = Set.of("llm", "model", "larg", "languag", "us", "differ", "work");

    /** Below this a bank question is not near enough in meaning to say anything about the topic. */
    static final double NEAR_IN_MEANING = 0.5;
    /** A near question outweighs topic words: it is the bank's own filing of the same subject. */
    private static final double MEANING_WEIGHT = 6;

    private final Map<String, Map<String, Double>> weightsByTopic = new LinkedHashMap<>();
    private final List<Question> bank;
    private final Optional<QuestionMeanings> meanings;

    TopicGuesser(Collection<Topic> topics, Collection<Question> bank, Optional<QuestionMeanings> meanings) {
        this.meanings = meanings;
        Map<String, Integer> topicsPerStem = new HashMap<>();
        Map<String, Set<String>> stemsByTopic = new LinkedHashMap<>();
        for (Topic topic : topics) {
            Set<String> stems = Terms.withoutQuestionWords(
                    Terms.stemsOf(topic.slug().replace('-', ' ') + " " + topic.name() + " " + topic.description()));
            stems.removeAll(GENERIC);
            stemsByTopic.put(topic.slug(), stems);
            stems.forEach(s -> topicsPerStem.merge(s, 1, Integer::sum));
        }
        // A word shared by several topics points less firmly at any one of them.
        stemsByTopic.forEach((slug, stems) -> {
            Map<String, Double> weights = new HashMap<>();
            stems.forEach(s -> weights.put(s, 1.0 / topicsPerStem.get(s)));
            weightsByTopic.put(slug, weights);
        });
        this.bank = List.copyOf(bank);
    }

    String guess(String question, String answer) {
        Set<String> questionStems = Terms.withoutQuestionWords(Terms.stemsOf(question));
        List<String> answerStems = Terms.tokens(answer).stream().limit(ANSWER_TERMS).map(AnalyzedTokens.Token::term).distinct().toList();
        Map<String, Double> scores = new HashMap<>();
        weightsByTopic.forEach((slug, weights) -> {
            double score = 0;
            for (String s : questionStems) {
                score += 3 * weights.getOrDefault(s, 0.0);
            }
            for (String s : answerStems) {
                score += 0.5 * weights.getOrDefault(s, 0.0);
            }
            scores.put(slug, score);
        });
        bank.stream()
                .filter(q -> weightsByTopic.containsKey(q.topic()))
                .map(q -> Map.entry(q.topic(), Terms.jaccard(Terms.subjectOf(question), Terms.subjectOf(q.question()))))
                .filter(e -> e.getValue() >= SIMILAR_BANK_QUESTION)
                .max(Map.Entry.comparingByValue())
                .ifPresent(e -> scores.merge(e.getKey(), 5 * e.getValue(), Double::sum));
        meanings.ifPresent(m -> {
            float[] vector = m.embed(question);
            Map<String, Double> nearest = new HashMap<>();
            for (int i = 0; i < m.questions().size(); i++) {
                String topic = m.questions().get(i).topic();
                if (weightsByTopic.containsKey(topic)) {
                    nearest.merge(topic, QuestionMeanings.similarity(vector, m.vectorOf(i)), Math::max);
                }
            }
            nearest.forEach((topic, alike) -> {
                if (alike >= NEAR_IN_MEANING) {
                    scores.merge(topic, MEANING_WEIGHT * alike, Double::sum);
                }
            });
        });
        return scores.entrySet().stream()
                .filter(e -> e.getValue() >= 1.0)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(UNSURE);
    }
}
