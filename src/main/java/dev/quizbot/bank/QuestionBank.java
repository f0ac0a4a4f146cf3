package dev.quizbot.bank;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An immutable, validated set of topics and questions. */
public final class QuestionBank {

    private final Map<String, Topic> topics;
    private final Map<String, Question> questionsById;

    public QuestionBank(List<Topic> topics, List<Question> questions) {
        this.topics = topics.stream().collect(Collectors.toMap(
                Topic::slug, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.questionsById = questions.stream().collect(Collectors.toMap(
                Question::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public Collection<Topic> topics() {
        return topics.values();
    }

    public Optional<Topic> topic(String slug) {
        return Optional.ofNullable(topics.get(slug));
    }

    /**
     * The topic a person meant: its slug or name typed in any case, with spaces, hyphens or
     * underscores or none ("Fine Tuning", "finetuning" and "fine_tuning" are all fine-tuning).
     */
    public Optional<Topic> findTopic(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String wanted = topicKey(typed);
        return topic(typed.strip()).or(() -> topics.values().stream()
                .filter(t -> topicKey(t.slug()).equals(wanted) || topicKey(t.name()).equals(wanted))
                .findFirst());
    }

    /** What topic matching compares: lower case, letters and digits only. */
    public static String topicKey(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]+", "");
    }

    /** How many questions a topic (or, with none, the whole bank) has of each difficulty, easiest first. */
    public Map<Difficulty, Long> countsByDifficulty(Optional<String> topicSlug) {
        return questionsById.values().stream()
                .filter(q -> topicSlug.map(q.topic()::equals).orElse(true))
                .collect(Collectors.groupingBy(Question::difficulty, () -> new java.util.EnumMap<>(Difficulty.class),
                        Collectors.counting()));
    }

    public Collection<Question> questions() {
        return questionsById.values();
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(questionsById.get(id));
    }

    public int size() {
        return questionsById.size();
    }

    /** Question counts per topic slug, in slug order, topics without questions left out. */
    public Map<String, Long> countsByTopic() {
        return questionsById.values().stream()
                .collect(Collectors.groupingBy(Question::topic, TreeMap::new, Collectors.counting()));
    }

    /** One line for the log: "124 questions in 11 topics (alignment 9, embeddings 12, ...)". */
    public String summary() {
        Map<String, Long> counts = countsByTopic();
        return size() + " questions in " + counts.size() + " topics ("
                + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                + ")";
    }
}
