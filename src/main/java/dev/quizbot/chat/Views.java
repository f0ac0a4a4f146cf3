package dev.quizbot.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.grading.Verdict;

/** Platform-neutral data the adapters render. Plain records, and the few phrases every adapter shares. */
public final class Views {

    private Views() {
    }

    /**
     * A round's question as shown. {@code zone} is the community's timezone, in which close times
     * are written; {@code timeLeft} is the time until {@code closesAt} when this view was made.
     */
    public record Question(long roundId, String questionId, String topic, String topicName,
                           Difficulty difficulty, String text, Instant closesAt, int answerCount,
                           String zone, Duration timeLeft) {
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

    /**
     * {@code pending} counts the answers to rounds still open that are included: only in a
     * player's own stats, since nobody else may see a grade before the reveal.
     */
    /** {@code reviews}: the latest review decisions on the player's answers, one line each. */
    public record Stats(String userId, String displayName, int answers, int correct, double accuracy,
                        double points, int streak, int bestStreak,
                        List<TopicStrength> strengths, List<TopicStrength> weakSpots, int pending,
                        List<String> reviews) {
        public Stats {
            reviews = List.copyOf(reviews);
        }

        public Stats(String userId, String displayName, int answers, int correct, double accuracy, double points,
                     int streak, int bestStreak, List<TopicStrength> strengths, List<TopicStrength> weakSpots,
                     int pending) {
            this(userId, displayName, answers, correct, accuracy, points, streak, bestStreak, strengths, weakSpots,
                    pending, List.of());
        }

        public Stats withReviews(List<String> lines) {
            return new Stats(userId, displayName, answers, correct, accuracy, points, streak, bestStreak, strengths,
                    weakSpots, pending, lines);
        }
    }

    /** The note shown under a player's own stats while some of their answers are still pending. */
    public static String pendingNote(int pending) {
        return pending == 1 ? "Includes 1 answer to a round still open (pending): nobody else sees it until the reveal."
                : "Includes " + pending + " answers to rounds still open (pending): nobody else sees them until the reveal.";
    }

    /** {@code perDifficulty}: how many questions of each difficulty, easiest first, difficulties without any left out. */
    public record Topic(String slug, String name, String description, int questions, Map<Difficulty, Integer> perDifficulty) {
    }

    /** "2 questions: 1 easy, 1 hard", as every platform lists a topic. */
    public static String questionCounts(Topic topic) {
        String total = topic.questions() + (topic.questions() == 1 ? " question" : " questions");
        if (topic.perDifficulty().isEmpty()) {
            return total;
        }
        return total + ": " + topic.perDifficulty().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().slug()).collect(java.util.stream.Collectors.joining(", "));
    }

    public record Team(String name, int members, double points) {
    }

    public record Schedule(long id, String when, String zone, Optional<String> topic,
                           Optional<Difficulty> difficulty, Instant nextFire) {
    }

    /** A practice question; {@code reason} says why it comes now ("due for review", "weak topic", "new"). */
    public record PracticeQuestion(String questionId, String topic, String topicName, Difficulty difficulty,
                                   String text, String reason) {
    }

    /**
     * The grade of a practice answer with what to learn from it, and what the scheduler made of
     * it: the FSRS rating and when the question comes back.
     */
    public record PracticeResult(String question, Verdict verdict, int score, List<String> conceptsFound,
                                 List<String> conceptsMissed, String explanation, String referenceAnswer,
                                 List<String> misconceptions, String rating, Instant nextDue, List<String> notes) {
    }

    /** {@code retention} is the mean predicted recall of the reviewed questions now, or -1 before any review. */
    public record PracticeStats(int reviews, int dueToday, double retention, List<TopicStrength> weakest) {
    }

    /** One incorrect or partial answer, from practice or a channel round ({@code source}). */
    public record Mistake(Instant answeredAt, String topic, String question, String answer, Verdict verdict,
                          int score, String referenceAnswer, String source) {
    }

    public record CommandHelp(String usage, String description, boolean adminOnly) {
    }
}
