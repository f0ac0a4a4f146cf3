package dev.quizbot.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox} table. Plain SQL that runs the same on H2 2.x and PostgreSQL: claiming
 * uses {@code FOR UPDATE SKIP LOCKED}, and every later change of a claimed row is fenced by
 * its lease owner, so a worker whose lease was taken over cannot overwrite the new owner's work.
 */
@Repository
class OutboxRepository {

    /** A row as claimed: what to deliver and how often it was tried, this claim included. */
    record Claimed(long id, String platform, String kind, Long roundId, String payload, int revision, int attempts,
                   String owner) {
    }

    /** What recording a delivery did: done, or left pending because a newer count came in meanwhile. */
    enum Recorded { DONE, REARMED, LOST }

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String platform, String channelKey, String kind, Long roundId, String payload, String coalesceKey,
                Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO outbox (platform, channel_key, kind, round_id, payload, coalesce_key, state,
                            next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(platform, channelKey, kind, roundId, payload, coalesceKey, ts(now), ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Puts a newer payload into the pending row holding {@code coalesceKey}, if there is one (it
     * may be in flight: its revision tells the worker to deliver it once more). The caller holds
     * the round's row lock, so two answers never race here; a worker recording that row as
     * delivered may, so the update names the key and the pending state, not the row's id: one
     * found pending but delivered before the update could lock it is no longer a place for the
     * newer count (it would be stored on a delivered row and never shown), and the caller makes
     * a new row instead.
     */
    Optional<Long> coalesce(String coalesceKey, String payload) {
        int updated = jdbc.sql("UPDATE outbox SET payload = ?, revision = revision + 1 WHERE coalesce_key = ? AND state = 'PENDING'")
                .params(payload, coalesceKey).update();
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM outbox WHERE coalesce_key = ?").param(coalesceKey).query(Long.class).optional();
    }

    /**
     * Locks up to {@code limit} due rows nobody holds (skipping rows another worker is claiming
     * right now), oldest first, leaving out any row whose round still has an older row pending;
     * the caller's transaction then takes them with {@link #take}.
     */
    List<Long> lockDue(Collection<String> platforms, Instant now, int limit, Optional<Long> onlyId) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(platforms);
        params.add(ts(now));
        params.add(ts(now));
        onlyId.ifPresent(params::add);
        return jdbc.sql("SELECT o.id FROM outbox o WHERE o.platform IN ("
                        + String.join(", ", Collections.nCopies(platforms.size(), "?")) + ")"
                        + " AND o.state = 'PENDING' AND o.next_attempt_at <= ?"
                        + " AND (o.lease_until IS NULL OR o.lease_until <= ?)"
                        + onlyId.map(id -> " AND o.id = ?").orElse("")
                        + " AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.round_id = o.round_id AND e.platform = o.platform"
                        + " AND e.id < o.id"
                        + " AND e.state = 'PENDING')"
                        + " ORDER BY o.id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .params(params).query(Long.class).list();
    }

    /** Takes a locked row for {@code owner} until {@code leaseUntil}; empty if it is no longer free. */
    Optional<Claimed> take(long id, String owner, Instant now, Instant leaseUntil) {
        int taken = jdbc.sql("""
                        UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
                        WHERE id = ? AND state = 'PENDING' AND (lease_until IS NULL OR lease_until <= ?)""")
                .params(owner, ts(leaseUntil), id, ts(now)).update();
        if (taken != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, platform, kind, round_id, payload, revision, attempts, lease_owner FROM outbox"
                        + " WHERE id = ?").param(id)
                .query((rs, n) -> {
                    long round = rs.getLong("round_id");
                    return new Claimed(rs.getLong("id"), rs.getString("platform"), rs.getString("kind"),
                            rs.wasNull() ? null : round, rs.getString("payload"), rs.getInt("revision"),
                            rs.getInt("attempts"), rs.getString("lease_owner"));
                }).optional();
    }

    /**
     * Records a delivery. When a newer answer count arrived while this one was in flight, the
     * row stays pending (due at once, tries reset) for the newer payload instead.
     */
    Recorded delivered(Claimed row, Optional<String> platformMessageId, Instant now) {
        int done = jdbc.sql("""
                        UPDATE outbox SET state = 'DELIVERED', delivered_at = ?, platform_message_id = ?,
                            lease_owner = NULL, lease_until = NULL, coalesce_key = NULL, last_error = NULL
                        WHERE id = ? AND lease_owner = ? AND revision = ? AND state = 'PENDING'""")
                .params(ts(now), platformMessageId.orElse(null), row.id(), row.owner(), row.revision()).update();
        if (done == 1) {
            return Recorded.DONE;
        }
        int rearmed = jdbc.sql("""
                        UPDATE outbox SET lease_owner = NULL, lease_until = NULL, attempts = 0, next_attempt_at = ?
                        WHERE id = ? AND lease_owner = ? AND state = 'PENDING'""")
                .params(ts(now), row.id(), row.owner()).update();
        return rearmed == 1 ? Recorded.REARMED : Recorded.LOST;
    }

    boolean retry(Claimed row, Instant nextAttempt, String error) {
        return jdbc.sql("""
                        UPDATE outbox SET lease_owner = NULL, lease_until = NULL, next_attempt_at = ?, last_error = ?
                        WHERE id = ? AND lease_owner = ? AND state = 'PENDING'""")
                .params(ts(nextAttempt), clip(error), row.id(), row.owner()).update() == 1;
    }

    /** Hands a claimed row back untried (this instance cannot reach its channel), due again in {@code wait}. */
    void release(Claimed row, Instant nextAttempt) {
        jdbc.sql("""
                        UPDATE outbox SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1,
                            next_attempt_at = ?
                        WHERE id = ? AND lease_owner = ? AND state = 'PENDING'""")
                .params(ts(nextAttempt), row.id(), row.owner()).update();
    }

    /** Gives the row up; also when the withdrawal of its round just cancelled it. */
    void gaveUp(Claimed row, String error, Instant now) {
        jdbc.sql("""
                        UPDATE outbox SET state = 'GAVE_UP', delivered_at = ?, lease_owner = NULL, lease_until = NULL,
                            coalesce_key = NULL, last_error = ?
                        WHERE id = ? AND lease_owner = ? AND state IN ('PENDING', 'CANCELLED')""")
                .params(ts(now), clip(error), row.id(), row.owner()).update();
    }

    /**
     * Cancels whatever a round still has pending, in flight or not; returns how many rows. The
     * lease owner stays, so a worker giving up the round's post can still record that on its row.
     */
    int cancelRound(long roundId) {
        return jdbc.sql("UPDATE outbox SET state = 'CANCELLED', coalesce_key = NULL"
                        + " WHERE round_id = ? AND state = 'PENDING'")
                .param(roundId).update();
    }

    /** Cancels the pending row holding {@code coalesceKey}, if any (superseded). */
    void cancelPending(String coalesceKey) {
        jdbc.sql("UPDATE outbox SET state = 'CANCELLED', coalesce_key = NULL WHERE coalesce_key = ? AND state = 'PENDING'")
                .param(coalesceKey).update();
    }

    /** The platform's id of the round's delivered question post. */
    Optional<String> postMessageId(long roundId) {
        return jdbc.sql("SELECT platform_message_id FROM outbox WHERE round_id = ? AND kind = 'RoundOpened'"
                        + " AND state = 'DELIVERED' AND platform_message_id IS NOT NULL ORDER BY id DESC"
                        + " FETCH FIRST 1 ROWS ONLY")
                .param(roundId).query(String.class).optional();
    }

    /** Deletes finished rows older than {@code before}. */
    int purge(Instant before) {
        return jdbc.sql("DELETE FROM outbox WHERE state <> 'PENDING' AND created_at < ?").param(ts(before)).update();
    }

    private static String clip(String error) {
        if (error == null) {
            return null;
        }
        return error.length() > 300 ? error.substring(0, 300) : error;
    }

    /** Both H2 and PostgreSQL take OffsetDateTime for TIMESTAMP WITH TIME ZONE; not every driver takes Instant. */
    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
