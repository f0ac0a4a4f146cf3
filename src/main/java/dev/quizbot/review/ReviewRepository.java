package dev.quizbot.review;

import static dev.quizbot.round.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.quizbot.round.GradedAnswers;
import dev.quizbot.round.Sql;

/** The review queue, its decisions and what each admin was last shown, in the database. */
@Repository
class ReviewRepository {

    private static final String ITEM = "SELECT id, answer_id, community_key, question_id, provisional, appealed_at,"
            + " reason, queued_at, status, solo, decision_id FROM review_item";

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static ReviewItem item(ResultSet rs, int n) throws SQLException {
        return new ReviewItem(rs.getLong("id"), rs.getLong("answer_id"), rs.getString("community_key"),
                rs.getString("question_id"), rs.getBoolean("provisional"),
                Optional.ofNullable(Sql.instant(rs, "appealed_at")), Optional.ofNullable(rs.getString("reason")),
                Sql.instant(rs, "queued_at"), ReviewItem.Status.valueOf(rs.getString("status")), rs.getBoolean("solo"),
                Optional.ofNullable(rs.getObject("decision_id", Long.class)));
    }

    Optional<ReviewItem> item(long id) {
        return jdbc.sql(ITEM + " WHERE id = ?").param(id).query(ReviewRepository::item).optional();
    }

    Optional<ReviewItem> ofAnswer(long answerId) {
        return jdbc.sql(ITEM + " WHERE answer_id = ?").param(answerId).query(ReviewRepository::item).optional();
    }

    /** The community's pending items, oldest in the queue first. */
    List<ReviewItem> pending(String communityKey, int limit) {
        return jdbc.sql(ITEM + " WHERE community_key = ? AND status = 'PENDING' ORDER BY queued_at, id LIMIT ?")
                .params(communityKey, limit).query(ReviewRepository::item).list();
    }

    /** The community's settled items, the latest decided first. */
    List<ReviewItem> decided(String communityKey, int limit) {
        return jdbc.sql(ITEM + " WHERE community_key = ? AND status <> 'PENDING' ORDER BY decision_id DESC, id DESC LIMIT ?")
                .params(communityKey, limit).query(ReviewRepository::item).list();
    }

    /** A decision's note, if the admin gave one. */
    Optional<String> note(long decisionId) {
        return jdbc.sql("SELECT note FROM review_decision WHERE id = ?").param(decisionId)
                .query((rs, n) -> Optional.ofNullable(rs.getString("note"))).optional().flatMap(n -> n);
    }

    int pendingCount(String communityKey) {
        return jdbc.sql("SELECT COUNT(*) FROM review_item WHERE community_key = ? AND status = 'PENDING'")
                .param(communityKey).query(Integer.class).single();
    }

    /** Queues a provisional grade; false when the answer is queued already. */
    boolean queueProvisional(long answerId, String communityKey, String questionId, Instant now) {
        // looked up first: this runs in the grading transaction, which a failed insert would spoil on PostgreSQL
        if (ofAnswer(answerId).isPresent()) {
            return false;
        }
        try {
            jdbc.sql("""
                            INSERT INTO review_item (answer_id, community_key, question_id, provisional, created_at,
                                queued_at, status) VALUES (?, ?, ?, TRUE, ?, ?, 'PENDING')""")
                    .params(answerId, communityKey, questionId, ts(now), ts(now)).update();
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /**
     * Records the appeal: a new pending item, or the answer's item (queued as provisional, or
     * already decided) turned into a pending appeal. False when the answer was appealed before,
     * also by a concurrent call: one appeal per answer is the database's rule here.
     */
    boolean appeal(GradedAnswers.Answer answer, String communityKey, Optional<String> reason, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE review_item SET appealed_at = ?, reason = ?, queued_at = ?, status = 'PENDING',
                            decision_id = NULL
                        WHERE answer_id = ? AND appealed_at IS NULL""")
                .params(ts(now), reason.orElse(null), ts(now), answer.id()).update();
        if (updated == 1) {
            return true;
        }
        if (ofAnswer(answer.id()).isPresent()) {
            return false;
        }
        try {
            jdbc.sql("""
                            INSERT INTO review_item (answer_id, community_key, question_id, provisional, appealed_at,
                                reason, created_at, queued_at, status) VALUES (?, ?, ?, FALSE, ?, ?, ?, ?, 'PENDING')""")
                    .params(answer.id(), communityKey, answer.round().questionId(), ts(now), reason.orElse(null),
                            ts(now), ts(now)).update();
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Remembers the group shown to an admin, replacing what they saw before. */
    void show(String communityKey, String adminId, List<Long> itemIds) {
        jdbc.sql("DELETE FROM review_view WHERE community_key = ? AND admin_id = ?").params(communityKey, adminId).update();
        for (int i = 0; i < itemIds.size(); i++) {
            jdbc.sql("INSERT INTO review_view (community_key, admin_id, item_id, lead) VALUES (?, ?, ?, ?)")
                    .params(communityKey, adminId, itemIds.get(i), i == 0).update();
        }
    }

    /** The group an admin was last shown, its lead first. */
    List<Long> shown(String communityKey, String adminId) {
        return jdbc.sql("SELECT item_id FROM review_view WHERE community_key = ? AND admin_id = ? ORDER BY lead DESC, item_id")
                .params(communityKey, adminId).query(Long.class).list();
    }

    long decision(String communityKey, String adminId, Instant now, ReviewItem.Status outcome, Optional<String> note) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review_decision (community_key, admin_id, decided_at, outcome, note) VALUES (?, ?, ?, ?, ?)")
                .params(communityKey, adminId, ts(now), outcome.name(), note.orElse(null))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Settles the items that are still pending; the count settled. Each row is claimed by its
     * conditional update, so of two admins deciding at once only one settles an item.
     */
    int settle(List<Long> itemIds, ReviewItem.Status outcome, long decisionId) {
        int settled = 0;
        for (long id : itemIds) {
            settled += jdbc.sql("UPDATE review_item SET status = ?, decision_id = ? WHERE id = ? AND status = 'PENDING'")
                    .params(outcome.name(), decisionId, id).update();
        }
        return settled;
    }

    void change(long decisionId, GradedAnswers.Regrade r) {
        jdbc.sql("""
                        INSERT INTO review_change (decision_id, answer_id, user_id, round_id, verdict_before, score_before,
                            points_before, verdict_after, score_after, points_after, points_delta)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decisionId, r.answerId(), r.userId(), r.roundId(), r.verdictBefore().map(Enum::name).orElse(null),
                        r.scoreBefore(), r.pointsBefore(), r.verdictAfter().name(), r.scoreAfter(), r.pointsAfter(),
                        r.pointsDelta())
                .update();
    }

    void requeue(List<Long> itemIds, Instant now) {
        itemIds.forEach(id -> jdbc.sql("UPDATE review_item SET queued_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(ts(now), id).update());
    }

    void solo(long itemId) {
        jdbc.sql("UPDATE review_item SET solo = TRUE WHERE id = ?").param(itemId).update();
    }

    /** Who settled a decision and when, for "already settled" refusals. */
    record Decided(String adminId, Instant at, ReviewItem.Status outcome) {
    }

    Optional<Decided> decided(long decisionId) {
        return jdbc.sql("SELECT admin_id, decided_at, outcome FROM review_decision WHERE id = ?").param(decisionId)
                .query((rs, n) -> new Decided(rs.getString("admin_id"), Sql.instant(rs, "decided_at"),
                        ReviewItem.Status.valueOf(rs.getString("outcome"))))
                .optional();
    }

    /** One decision about a player's answer, as their stats show it. */
    record Decision(long roundId, boolean roundClosed, String adminId, Instant at, ReviewItem.Status outcome,
                    String verdictBefore, int pointsBefore, String verdictAfter, int pointsAfter, int pointsDelta) {
    }

    /** The decisions on a user's answers in a community, newest first. */
    List<Decision> decisionsFor(String communityKey, String userId, int limit) {
        return jdbc.sql("""
                        SELECT c.round_id, r.closed_at, d.admin_id, d.decided_at, d.outcome, c.verdict_before, c.points_before,
                            c.verdict_after, c.points_after, c.points_delta
                        FROM review_change c JOIN review_decision d ON d.id = c.decision_id
                            JOIN quiz_round r ON r.id = c.round_id
                        WHERE d.community_key = ? AND c.user_id = ?
                        ORDER BY d.decided_at DESC, d.id DESC LIMIT ?""")
                .params(communityKey, userId, limit)
                .query((rs, n) -> new Decision(rs.getLong("round_id"), rs.getObject("closed_at") != null,
                        rs.getString("admin_id"),
                        Sql.instant(rs, "decided_at"), ReviewItem.Status.valueOf(rs.getString("outcome")),
                        rs.getString("verdict_before"), rs.getInt("points_before"), rs.getString("verdict_after"),
                        rs.getInt("points_after"), rs.getInt("points_delta")))
                .list();
    }
}
