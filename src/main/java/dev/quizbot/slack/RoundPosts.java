package dev.quizbot.slack;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Views;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers where each round's question was posted (table {@code slack_round_post}), so the
 * answer count, the closed state and a threaded reveal can find the message after a restart.
 */
class RoundPosts {

    /** A question message in Slack and what it shows. */
    record RoundPost(ChannelRef channel, String messageTs, Views.Question question) {
    }

    private final JdbcClient jdbc;

    RoundPosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Portable upsert (H2 and PostgreSQL): a round is normally posted once, but never twice on record. */
    void save(ChannelRef channel, String messageTs, Views.Question q) {
        int updated = jdbc.sql("UPDATE slack_round_post SET team_id = ?, channel_id = ?, message_ts = ? WHERE round_id = ?")
                .params(channel.community(), channel.channel(), messageTs, q.roundId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO slack_round_post (round_id, team_id, channel_id, message_ts, question_id, topic,
                                topic_name, difficulty, question_text, closes_at, answer_count, posted_at, zone)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(q.roundId(), channel.community(), channel.channel(), messageTs, q.questionId(), q.topic(),
                            q.topicName(), q.difficulty().name(), q.text(), utc(q.closesAt()), q.answerCount(),
                            utc(Instant.now()), q.zone())
                    .update();
        }
    }

    Optional<RoundPost> find(long roundId) {
        return jdbc.sql("SELECT * FROM slack_round_post WHERE round_id = ?")
                .param(roundId)
                .query((rs, n) -> new RoundPost(
                        new ChannelRef(SlackUsers.PLATFORM, rs.getString("team_id"), rs.getString("channel_id")),
                        rs.getString("message_ts"),
                        new Views.Question(rs.getLong("round_id"), rs.getString("question_id"), rs.getString("topic"),
                                rs.getString("topic_name"), Difficulty.valueOf(rs.getString("difficulty")),
                                rs.getString("question_text"),
                                rs.getObject("closes_at", OffsetDateTime.class).toInstant(),
                                rs.getInt("answer_count"),
                                rs.getString("zone") == null ? "UTC" : rs.getString("zone"),
                                left(rs.getObject("closes_at", OffsetDateTime.class).toInstant()))))
                .optional();
    }

    void updateAnswerCount(long roundId, int answerCount) {
        jdbc.sql("UPDATE slack_round_post SET answer_count = ? WHERE round_id = ? AND answer_count < ?")
                .params(answerCount, roundId, answerCount)
                .update();
    }

    /** Time left as of now: a post read back is about to be shown again. */
    private static java.time.Duration left(Instant closesAt) {
        java.time.Duration left = java.time.Duration.between(Instant.now(), closesAt);
        return left.isNegative() ? java.time.Duration.ZERO : left;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
