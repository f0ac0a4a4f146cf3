package dev.quizbot.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Adds each answer's points to the rolled-up totals the leaderboards read: for the channel
 * and the community, in the day, week, month and all-time buckets it falls into. Called when
 * the answer's round closes, in the closing transaction, so an open round's grades never show
 * on a board and totals and answers never disagree.
 */
@Repository
public class ScoreBuckets {

    private final JdbcClient jdbc;

    ScoreBuckets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String communityKey, String channelKey, String userId, ZoneId zone, Instant at,
                    int points, boolean correct) {
        LocalDate day = at.atZone(zone).toLocalDate();
        for (String scope : new String[] {communityKey, channelKey}) {
            for (Span span : Span.values()) {
                add(scope, span, span.start(day), userId, points, correct ? 1 : 0);
            }
        }
    }

    /**
     * Changes the totals an answer already reached (a reviewer regraded it): points and the
     * correct count move by the deltas, the answer count stays. Same buckets as {@link #add}.
     */
    public void adjust(String communityKey, String channelKey, String userId, ZoneId zone, Instant at,
                       int pointsDelta, int correctDelta) {
        if (pointsDelta == 0 && correctDelta == 0) {
            return;
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        String update = "UPDATE score_bucket SET points = points + ?, correct = correct + ?"
                + " WHERE scope_key = ? AND span = ? AND span_start = ? AND user_id = ?";
        for (String scope : new String[] {communityKey, channelKey}) {
            for (Span span : Span.values()) {
                LocalDate start = span.start(day);
                if (jdbc.sql(update).params(pointsDelta, correctDelta, scope, span.name(), start, userId).update() == 0) {
                    // settled under another zone (the community adopted one later): keep the totals whole anyway
                    jdbc.sql("INSERT INTO score_bucket (scope_key, span, span_start, user_id, points, answers, correct)"
                                    + " VALUES (?, ?, ?, ?, ?, 0, ?)")
                            .params(scope, span.name(), start, userId, pointsDelta, Math.max(0, correctDelta)).update();
                }
            }
        }
    }

    private void add(String scope, Span span, LocalDate start, String userId, int points, int correct) {
        // Update first, insert when missing: portable across H2 and PostgreSQL without MERGE dialects.
        String update = "UPDATE score_bucket SET points = points + ?, answers = answers + 1, correct = correct + ?"
                + " WHERE scope_key = ? AND span = ? AND span_start = ? AND user_id = ?";
        if (jdbc.sql(update).params(points, correct, scope, span.name(), start, userId).update() == 1) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO score_bucket (scope_key, span, span_start, user_id, points, answers, correct)"
                            + " VALUES (?, ?, ?, ?, ?, 1, ?)")
                    .params(scope, span.name(), start, userId, points, correct).update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql(update).params(points, correct, scope, span.name(), start, userId).update();
        }
    }
}
