package dev.quizbot.round;

import static dev.quizbot.round.Sql.ts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.quizbot.chat.Views;
import dev.quizbot.grading.Verdict;

/** Answers in the database. */
@Repository
class AnswerRepository {

    /** How far back a streak is followed; a year of daily rounds and then some. */
    private static final int STREAK_HORIZON = 400;

    private final JdbcClient jdbc;

    AnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An answer stored but not graded yet. */
    record Stored(long id, long roundId, String userId, Instant answeredAt, String text) {
    }

    /**
     * Stores an answer ungraded (verdict NULL); fails with DuplicateKeyException when the user
     * already answered the round.
     */
    Stored insertUngraded(long roundId, String communityKey, String channelKey, String userId, String topic,
                          Instant answeredAt, String text) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO answer (round_id, community_key, channel_key, user_id, topic, answered_at,
                            answer_text, verdict, score, points, streak)
                        VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, 0, 0)""")
                .params(roundId, communityKey, channelKey, userId, topic, ts(answeredAt), text)
                .update(keys, "id");
        return new Stored(keys.getKey().longValue(), roundId, userId, answeredAt, text);
    }

    /**
     * Files the grade of a stored answer; false when it was graded already (by the start-up
     * pass of another instance, or a reveal), so only one caller counts its points.
     */
    boolean grade(long answerId, Verdict verdict, int score, int points, int streak) {
        return jdbc.sql("UPDATE answer SET verdict = ?, score = ?, points = ?, streak = ? WHERE id = ? AND verdict IS NULL")
                .params(verdict.name(), score, points, streak, answerId).update() == 1;
    }

    /** Every answer stored but not graded, oldest first. */
    List<Stored> ungraded() {
        return jdbc.sql(UNGRADED + " ORDER BY id").query(AnswerRepository::stored).list();
    }

    /** The round's answers stored but not graded, oldest first. */
    List<Stored> ungraded(long roundId) {
        return jdbc.sql(UNGRADED + " AND round_id = ? ORDER BY id").param(roundId).query(AnswerRepository::stored).list();
    }

    private static final String UNGRADED =
            "SELECT id, round_id, user_id, answered_at, answer_text FROM answer WHERE verdict IS NULL";

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("round_id"), rs.getString("user_id"),
                Sql.instant(rs, "answered_at"), rs.getString("answer_text"));
    }

    /** An answer's share of the leaderboards, filed when its round closes. */
    record Settled(String userId, Instant answeredAt, int points, boolean correct) {
    }

    List<Settled> ofRound(long roundId) {
        return jdbc.sql("SELECT user_id, answered_at, points, verdict FROM answer WHERE round_id = ? ORDER BY id")
                .param(roundId)
                .query((rs, n) -> new Settled(rs.getString("user_id"), Sql.instant(rs, "answered_at"),
                        rs.getInt("points"), Verdict.CORRECT.name().equals(rs.getString("verdict"))))
                .list();
    }

    /** A stored answer with its grade (verdict null while ungraded), for appeals and regrading. */
    record Row(long id, long roundId, String communityKey, String channelKey, String userId, String text,
               Instant answeredAt, String verdict, int score, int points, int streak) {
    }

    private static final String ROW = "SELECT id, round_id, community_key, channel_key, user_id, answer_text,"
            + " answered_at, verdict, score, points, streak FROM answer";

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getLong("round_id"), rs.getString("community_key"),
                rs.getString("channel_key"), rs.getString("user_id"), rs.getString("answer_text"),
                Sql.instant(rs, "answered_at"), rs.getString("verdict"), rs.getInt("score"), rs.getInt("points"),
                rs.getInt("streak"));
    }

    java.util.Optional<Row> row(long answerId) {
        return jdbc.sql(ROW + " WHERE id = ?").param(answerId).query(AnswerRepository::row).optional();
    }

    java.util.Optional<Row> row(long roundId, String userId) {
        return jdbc.sql(ROW + " WHERE round_id = ? AND user_id = ?").params(roundId, userId)
                .query(AnswerRepository::row).optional();
    }

    /** The user's most recent answer in a channel. */
    java.util.Optional<Row> latest(String channelKey, String userId) {
        return jdbc.sql(ROW + " WHERE channel_key = ? AND user_id = ? ORDER BY answered_at DESC, id DESC LIMIT 1")
                .params(channelKey, userId).query(AnswerRepository::row).optional();
    }

    /** Sets an answer's grade and points whatever they were: a reviewer's regrade. */
    void regrade(long answerId, Verdict verdict, int score, int points, int streak) {
        jdbc.sql("UPDATE answer SET verdict = ?, score = ?, points = ?, streak = ? WHERE id = ?")
                .params(verdict.name(), score, points, streak, answerId).update();
    }

    /** One scheduled round of a channel and the user's answer to it, if any. */
    record StreakStep(long roundId, boolean open, boolean closed, java.util.Optional<Row> answer) {
    }

    /**
     * The channel's scheduled rounds oldest first (the same rounds and horizon streaks are
     * counted over) with the user's answer to each: regrading one answer re-walks the run.
     */
    List<StreakStep> streakSteps(String channelKey, String userId) {
        record Head(long roundId, boolean open, boolean closed, Long answerId) {
        }
        List<Head> heads = jdbc.sql("""
                        SELECT r.id AS round_id, r.open_channel_key, r.closed_at, a.id AS answer_id
                        FROM quiz_round r LEFT JOIN answer a ON a.round_id = r.id AND a.user_id = ?
                        WHERE r.channel_key = ? AND r.schedule_id IS NOT NULL AND r.undelivered IS NULL
                        ORDER BY r.opened_at DESC, r.id DESC
                        LIMIT ?""")
                .params(userId, channelKey, STREAK_HORIZON)
                .query((rs, n) -> new Head(rs.getLong("round_id"), rs.getString("open_channel_key") != null,
                        rs.getObject("closed_at") != null, (Long) rs.getObject("answer_id", Long.class)))
                .list();
        List<StreakStep> steps = new java.util.ArrayList<>();
        for (int i = heads.size() - 1; i >= 0; i--) {
            Head h = heads.get(i);
            steps.add(new StreakStep(h.roundId(), h.open(), h.closed(),
                    h.answerId() == null ? java.util.Optional.empty() : row(h.answerId())));
        }
        return steps;
    }

    boolean exists(long roundId, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM answer WHERE round_id = ? AND user_id = ?")
                .params(roundId, userId).query(Integer.class).single() > 0;
    }

    int correctCount(long roundId) {
        return jdbc.sql("SELECT COUNT(*) FROM answer WHERE round_id = ? AND verdict = 'CORRECT'")
                .param(roundId).query(Integer.class).single();
    }

    int answerCount(long roundId) {
        return jdbc.sql("SELECT COUNT(*) FROM answer WHERE round_id = ?")
                .param(roundId).query(Integer.class).single();
    }

    /**
     * The best-scoring answerers of a round among those whose answer earned points (an
     * incorrect answer earns none, so it is never named), ties broken by who answered first.
     */
    List<Views.Answerer> best(long roundId, String communityKey, int limit) {
        return jdbc.sql("""
                        SELECT a.user_id, COALESCE(p.display_name, a.user_id) AS name, a.score
                        FROM answer a LEFT JOIN player p ON p.community_key = ? AND p.user_id = a.user_id
                        WHERE a.round_id = ? AND a.points > 0
                        ORDER BY a.score DESC, a.answered_at, a.id
                        LIMIT ?""")
                .params(communityKey, roundId, limit)
                .query((rs, n) -> new Views.Answerer(rs.getString("user_id"), rs.getString("name"), rs.getInt("score")))
                .list();
    }

    /**
     * The user's run of consecutive scheduled rounds answered correctly in a channel, newest
     * first, not counting {@code excludeRoundId}. A round still open that the user has not
     * answered yet does not break the run: there is still time.
     */
    int streak(String channelKey, String userId, long excludeRoundId) {
        return streak(channelKey, userId, excludeRoundId, true);
    }

    /**
     * As above; with {@code countOpen} false a correct answer to a round still open does not
     * extend the run either, so someone else's streak does not give their grade away.
     */
    int streak(String channelKey, String userId, long excludeRoundId, boolean countOpen) {
        record Step(boolean open, String verdict) {
        }
        List<Step> steps = jdbc.sql("""
                        SELECT r.open_channel_key, a.verdict
                        FROM quiz_round r LEFT JOIN answer a ON a.round_id = r.id AND a.user_id = ?
                        WHERE r.channel_key = ? AND r.schedule_id IS NOT NULL AND r.undelivered IS NULL AND r.id <> ?
                        ORDER BY r.opened_at DESC, r.id DESC
                        LIMIT ?""")
                .params(userId, channelKey, excludeRoundId, STREAK_HORIZON)
                .query((rs, n) -> new Step(rs.getString("open_channel_key") != null, rs.getString("verdict")))
                .list();
        int run = 0;
        for (Step step : steps) {
            boolean correct = Verdict.CORRECT.name().equals(step.verdict());
            if (step.open() && !countOpen) {
                continue;
            }
            if (correct) {
                run++;
            } else if (!step.open()) {
                break;
            }
        }
        return run;
    }
}
