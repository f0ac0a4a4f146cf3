package dev.quizbot.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.grading.Verdict;

/** Platform-neutral data the adapters render. Plain records, no behaviour. */
public final class Views {

    private Views() {
    }

    public record Question(long roundId, String questionId, String topic, String topicName,
                           Difficulty difficulty, String text, Instant closesAt, int answerCount) {
    }

    public record Feedback(long roundId, Verdict verdict, int score, double points,
                           List<String> conceptsFound, List<String> conceptsMissed,
                           String explanation, List<String> notes) {
    }

    public record Answerer(String userId, String displayName, int score) {
    }

    /**
     * @param commonMistake a known wrong claim about the question (the bank's first misconception),
     *                      shown as "A common mistake: ..." so players learn what not to say
     */
    public record Reveal(long roundId, String question, String referenceAnswer,
                         int answered, int correct, List<Answerer> best, Optional<String> commonMistake) {

        public static final String COMMON_MISTAKE = "A common mistake: ";

        /** A reveal for a question without known misconceptions. */
        public Reveal(long roundId, String question, String referenceAnswer, int answered, int correct,
                      List<Answerer> best) {
            this(roundId, question, referenceAnswer, answered, correct, best, Optional.empty());
        }
    }

    public record LeaderboardRow(int rank, String id, String name, double points, int answers, int correct) {
    }

    /** {@code caller} is the caller's (or the caller's team's) own row, also when outside the top rows. */
    public record Leaderboard(Scope scope, Period period, String zone, List<LeaderboardRow> rows,
                              Optional<LeaderboardRow> caller) {
    }

    public record TopicStrength(String topic, int answers, double accuracy) {
    }

    public record Stats(String userId, String displayName, int answers, int correct, double accuracy,
                        double points, int streak, int bestStreak,
                        List<TopicStrength> strengths, List<TopicStrength> weakSpots) {
    }

    public record Topic(String slug, String name, String description, int questions) {
    }

    public record Team(String name, int members, double points) {
    }

    public record Schedule(long id, String when, String zone, Optional<String> topic,
                           Optional<Difficulty> difficulty, Instant nextFire) {
    }

    public record CommandHelp(String usage, String description, boolean adminOnly) {
    }
}
