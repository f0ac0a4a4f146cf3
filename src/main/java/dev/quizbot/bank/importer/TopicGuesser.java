package dev.quizbot.bank.importer;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.Topic;
import dev.quizbot.text.AnalyzedTokens;

/**
 * Guesses a draft's topic from the words of {@code topics.yaml} (slug, name and description) and from
 * the most similar question already in the bank; {@value #UNSURE} when nothing points anywhere, so a
 * reviewer must choose (the loader rejects undeclared topics).
 */
final class TopicGuesser {

    static final String UNSURE = "imported";
    private static final int ANSWER_TERMS = 60;
    private static final double SIMILAR_BANK_QUESTION = 0.35;
    /** Words nearly every interview question uses; they say nothing about the topic. */
    private static final Set<String> GENERIC = Set.of("llm", "model", "larg", "languag", "us", "differ", "work");

    private final Map<String, Map<String, Double>> weightsByTopic = new LinkedHashMap<>();
    private final List<Question> bank;

    TopicGuesser(Collection<Topic> topics, Collection<Question> bank) {
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
        return scores.entrySet().stream()
                .filter(e -> e.getValue() >= 1.0)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(UNSURE);
    }
}
