package dev.quizbot.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.round.Sql;

/**
 * A channel's past rounds as their reveals showed them, newest first. Only rounds that closed
 * with a reveal count: an open round's reference answer is still secret, and a round whose
 * post never reached the channel had no reveal.
 */
@Service
public class RoundHistory {

    public static final int MAX_PAGE_SIZE = 50;

    /** The reveal columns and statistics; {@code %s} is the WHERE clause. */
    private static final String STATS = """
            SELECT r.id, r.channel, r.question_id, r.topic, r.difficulty, r.question_text, r.reference_answer,
                r.opened_at, r.closed_at, COUNT(a.id) AS answered,
                SUM(CASE WHEN a.verdict = 'CORRECT' THEN 1 ELSE 0 END) AS correct,
                SUM(CASE WHEN a.verdict = 'PARTIAL' THEN 1 ELSE 0 END) AS partial,
                SUM(CASE WHEN a.verdict = 'INCORRECT' THEN 1 ELSE 0 END) AS incorrect,
                AVG(CAST(a.score AS DOUBLE PRECISION)) AS mean_score
            FROM quiz_round r LEFT JOIN answer a ON a.round_id = r.id
            WHERE r.closed_at IS NOT NULL AND r.undelivered IS NULL AND %s
            GROUP BY r.id, r.channel, r.question_id, r.topic, r.difficulty, r.question_text, r.reference_answer,
                r.opened_at, r.closed_at
            ORDER BY r.closed_at DESC, r.id DESC""";

    private final JdbcClient jdbc;

    RoundHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of a channel's revealed rounds and how many there are in all. */
    public record Page(List<RevealStats> rounds, int total) {
    }

    /** {@code page} counts from 0; {@code size} is capped at {@link #MAX_PAGE_SIZE}. */
    public Page channel(ChannelRef channel, int page, int size) {
        int limit = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int total = jdbc.sql("""
                        SELECT COUNT(*) FROM quiz_round
                        WHERE channel_key = ? AND closed_at IS NOT NULL AND undelivered IS NULL""")
                .param(channel.key()).query(Integer.class).single();
        List<RevealStats> rounds = jdbc.sql(STATS.formatted("r.channel_key = :channel") + " LIMIT :limit OFFSET :offset")
                .param("channel", channel.key()).param("limit", limit).param("offset", (long) Math.max(page, 0) * limit)
                .query(RoundHistory::map).list();
        return new Page(rounds, total);
    }

    /** The reveals of the given rounds that closed with one, newest first. */
    public List<RevealStats> reveals(Collection<Long> roundIds) {
        if (roundIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(STATS.formatted("r.id IN (:ids)")).param("ids", List.copyOf(roundIds))
                .query(RoundHistory::map).list().stream()
                .sorted(Comparator.comparing(RevealStats::closedAt).reversed()
                        .thenComparing(Comparator.comparingLong(RevealStats::roundId).reversed()))
                .toList();
    }

    private static RevealStats map(ResultSet rs, int row) throws SQLException {
        double mean = rs.getDouble("mean_score");
        return new RevealStats(rs.getLong("id"), rs.getString("channel"), rs.getString("question_id"),
                rs.getString("topic"), Difficulty.valueOf(rs.getString("difficulty")), rs.getString("question_text"),
                rs.getString("reference_answer"), Sql.instant(rs, "opened_at"), Sql.instant(rs, "closed_at"),
                rs.getInt("answered"), rs.getInt("correct"), rs.getInt("partial"), rs.getInt("incorrect"),
                Math.round(mean * 10) / 10.0);
    }
}
