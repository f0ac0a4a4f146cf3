package dev.quizbot.round;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;

/**
 * Picks the next question for a channel: among the eligible questions, one of those the
 * channel has been asked least often. So nothing repeats until the channel has seen the
 * whole eligible pool, and the pool starts over evenly after that (also when the bank grows).
 */
final class QuestionPicker {

    private final RandomGenerator random;

    QuestionPicker(RandomGenerator random) {
        this.random = random;
    }

    static List<Question> eligible(QuestionBank bank, Optional<String> topic, Optional<Difficulty> difficulty) {
        return bank.questions().stream()
                .filter(q -> topic.isEmpty() || q.topic().equals(topic.get()))
                .filter(q -> difficulty.isEmpty() || q.difficulty() == difficulty.get())
                .toList();
    }

    Optional<Question> pick(List<Question> eligible, Map<String, Integer> timesAsked) {
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        int least = eligible.stream().mapToInt(q -> timesAsked.getOrDefault(q.id(), 0)).min().orElseThrow();
        List<Question> freshest = eligible.stream()
                .filter(q -> timesAsked.getOrDefault(q.id(), 0) == least)
                .sorted(Comparator.comparing(Question::id))
                .toList();
        return Optional.of(freshest.get(random.nextInt(freshest.size())));
    }
}
