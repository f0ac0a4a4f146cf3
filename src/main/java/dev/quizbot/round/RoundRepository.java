package dev.quizbot.round;

import static dev.quizbot.round.Sql.instant;
import static dev.quizbot.round.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.bank.Question;
import dev.quizbot.chat.ChannelRef;

/** Rounds in the database. */
@Repository
class RoundRepository {

    private static final String COLUMNS = """
            id, platform, community, channel, question_id, topic, difficulty, question_text,
            reference_answer, schedule_id, opened_at, closes_at, closed_at, answer_count""";

    private final JdbcClient jdbc;

    RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an open round; fails with DuplicateKeyException if the channel already has one. */
    Round insert(ChannelRef channel, Question question, Optional<Long> scheduleId, Instant openedAt, Instant closesAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO quiz_round (channel_key, platform, community, channel, question_id, topic,
                            difficulty, question_text, reference_answer, schedule_id, opened_at, closes_at,
                            answer_count, open_channel_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(channel.key(), channel.platform(), channel.community(), channel.channel(),
                        question.id(), question.topic(), question.difficulty().name(), question.question(),
                        question.answer(), scheduleId.orElse(null), ts(openedAt), ts(closesAt), channel.key())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return new Round(id, channel, question.id(), question.topic(), question.difficulty(), question.question(),
                question.answer(), scheduleId, openedAt, closesAt, Optional.empty(), 0);
    }

    Optional<Round> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM quiz_round WHERE id = ?").param(id)
                .query(RoundRepository::map).optional();
    }

    Optional<Round> openIn(ChannelRef channel) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM quiz_round WHERE open_channel_key = ?").param(channel.key())
                .query(RoundRepository::map).optional();
    }

    /** The questions of the community's rounds still open, in any of its channels. */
    java.util.Set<String> openQuestionIds(String platform, String community) {
        return java.util.Set.copyOf(jdbc.sql("SELECT question_id FROM quiz_round"
                        + " WHERE open_channel_key IS NOT NULL AND platform = ? AND community = ?")
                .params(platform, community).query(String.class).list());
    }

    List<Round> due(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM quiz_round WHERE closes_at <= ? AND open_channel_key IS NOT NULL"
                        + " ORDER BY closes_at")
                .param(ts(now)).query(RoundRepository::map).list();
    }

    /** Open rounds closing within the window that have not had their closing notice. */
    List<Round> closingBy(Instant now, Instant by) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM quiz_round WHERE closes_at > ? AND closes_at <= ?"
                        + " AND open_channel_key IS NOT NULL AND closing_notice_at IS NULL ORDER BY closes_at")
                .params(ts(now), ts(by)).query(RoundRepository::map).list();
    }

    /** Claims the round's closing notice; false when it was already sent (another instance, an earlier tick). */
    boolean claimClosingNotice(long id, Instant now) {
        return jdbc.sql("UPDATE quiz_round SET closing_notice_at = ? WHERE id = ? AND closing_notice_at IS NULL")
                .params(ts(now), id).update() == 1;
    }

    /** Closes the round if still open; false when someone else closed it first. */
    /**
     * Takes the round's row lock until the transaction ends, as {@link #close} does: a regrade
     * that holds it knows whether the close has settled the round's points or will read the
     * new ones.
     */
    void lock(long id) {
        jdbc.sql("UPDATE quiz_round SET answer_count = answer_count WHERE id = ?").param(id).update();
    }

    boolean close(long id, Instant closedAt) {
        return jdbc.sql("UPDATE quiz_round SET closed_at = ?, open_channel_key = NULL"
                        + " WHERE id = ? AND open_channel_key IS NOT NULL")
                .params(ts(closedAt), id).update() == 1;
    }

    /**
     * Records that the round's question never reached its channel and closes it if still open.
     * False when the round is unknown or its failure was already recorded (adapters may report
     * one failure twice).
     */
    boolean markUndelivered(long id, String reason, Instant now) {
        return jdbc.sql("UPDATE quiz_round SET undelivered = ?, closed_at = COALESCE(closed_at, ?),"
                        + " open_channel_key = NULL WHERE id = ? AND undelivered IS NULL")
                .params(reason, ts(now), id).update() == 1;
    }

    /**
     * Counts an answer in, holding the round's row lock until commit so a concurrent close
     * waits; false when the round is already closed.
     */
    boolean countAnswer(long id, Instant now) {
        return jdbc.sql("UPDATE quiz_round SET answer_count = answer_count + 1"
                        + " WHERE id = ? AND open_channel_key IS NOT NULL AND closes_at > ?")
                .params(id, ts(now)).update() == 1;
    }

    /** How often each question has been shown in the channel, for the rotation. */
    Map<String, Integer> timesAsked(ChannelRef channel) {
        return jdbc.sql("SELECT question_id, COUNT(*) AS n FROM quiz_round"
                        + " WHERE channel_key = ? AND undelivered IS NULL GROUP BY question_id")
                .param(channel.key())
                .query((rs, n) -> Map.entry(rs.getString("question_id"), rs.getInt("n")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Round map(ResultSet rs, int row) throws SQLException {
        long scheduleId = rs.getLong("schedule_id");
        Optional<Long> schedule = rs.wasNull() ? Optional.empty() : Optional.of(scheduleId);
        return new Round(rs.getLong("id"),
                new ChannelRef(rs.getString("platform"), rs.getString("community"), rs.getString("channel")),
                rs.getString("question_id"), rs.getString("topic"), Difficulty.valueOf(rs.getString("difficulty")),
                rs.getString("question_text"), rs.getString("reference_answer"), schedule,
                instant(rs, "opened_at"), instant(rs, "closes_at"), Optional.ofNullable(instant(rs, "closed_at")),
                rs.getInt("answer_count"));
    }
}
