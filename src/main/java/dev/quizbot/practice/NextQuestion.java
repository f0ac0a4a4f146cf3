package dev.quizbot.practice;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import dev.quizbot.bank.Question;

/**
 * What to ask a player next, in this order: a question due for review (the most overdue
 * first); else a new question from their weakest topic (topics whose practice accuracy is
 * below half, weakest first); else any new question; else, so practice never runs dry, the
 * question due soonest. The question just answered is not asked again straight away unless
 * it is the only one. Works on one player's cards, which are bounded by the bank's size.
 */
final class NextQuestion {

    static final double WEAK_BELOW = 0.5;

    /** The question and why it was picked. */
    record Pick(Question question, String reason) {
    }

    private final RandomGenerator random;

    NextQuestion(RandomGenerator random) {
        this.random = random;
    }

    Optional<Pick> pick(List<Question> eligible, List<Card> cards, Instant now, Optional<String> justAnswered) {
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Card> byQuestion = cards.stream().collect(Collectors.toMap(Card::questionId, Function.identity()));
        List<Question> candidates = eligible.size() > 1 && justAnswered.isPresent()
                ? eligible.stream().filter(q -> !q.id().equals(justAnswered.get())).toList() : eligible;

        Optional<Question> due = candidates.stream()
                .filter(q -> byQuestion.containsKey(q.id()) && !byQuestion.get(q.id()).dueAt().isAfter(now))
                .min(Comparator.comparing((Question q) -> byQuestion.get(q.id()).dueAt()).thenComparing(Question::id));
        if (due.isPresent()) {
            return Optional.of(new Pick(due.get(), "due for review"));
        }
        List<Question> unseen = candidates.stream().filter(q -> !byQuestion.containsKey(q.id())).toList();
        for (String topic : weakTopics(cards)) {
            List<Question> inTopic = unseen.stream().filter(q -> q.topic().equals(topic)).toList();
            if (!inTopic.isEmpty()) {
                return Optional.of(new Pick(any(inTopic), "weak topic: " + topic));
            }
        }
        if (!unseen.isEmpty()) {
            return Optional.of(new Pick(any(unseen), "new question"));
        }
        return candidates.stream()
                .min(Comparator.comparing((Question q) -> byQuestion.get(q.id()).dueAt()).thenComparing(Question::id))
                .map(q -> new Pick(q, "nothing is due; this one comes up soonest"));
    }

    /** Topics with practice accuracy below {@link #WEAK_BELOW}, weakest first (ties: more reviews first). */
    static List<String> weakTopics(List<Card> cards) {
        record Tally(String topic, int reviews, int correct) {
            double accuracy() {
                return reviews == 0 ? 1 : (double) correct / reviews;
            }
        }
        return cards.stream()
                .collect(Collectors.groupingBy(Card::topic, Collectors.toList()))
                .entrySet().stream()
                .map(e -> new Tally(e.getKey(), e.getValue().stream().mapToInt(Card::reviews).sum(),
                        e.getValue().stream().mapToInt(Card::correct).sum()))
                .filter(t -> t.reviews() > 0 && t.accuracy() < WEAK_BELOW)
                .sorted(Comparator.comparingDouble(Tally::accuracy)
                        .thenComparing(Comparator.comparingInt(Tally::reviews).reversed())
                        .thenComparing(Tally::topic))
                .map(Tally::topic)
                .toList();
    }

    private Question any(List<Question> questions) {
        List<Question> sorted = questions.stream().sorted(Comparator.comparing(Question::id)).toList();
        return sorted.get(random.nextInt(sorted.size()));
    }
}
