package dev.quizbot.schedule;

import static dev.quizbot.round.Sql.instant;
import static dev.quizbot.round.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.ChannelRef;

/** Schedules and the record of slots they fired. */
@Repository
class ScheduleRepository {

    record Schedule(long id, ChannelRef channel, String spec, String cron, String zone, Optional<String> topic,
                    Optional<Difficulty> difficulty, String ownerUserId, Instant createdAt) {
    }

    enum Outcome { POSTED, SKIPPED, FAILED }

    private static final String COLUMNS =
            "id, platform, community, channel, spec, cron, zone, topic, difficulty, owner_user_id, created_at";

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ChannelRef channel, ScheduleSpec spec, Optional<String> topic, Optional<Difficulty> difficulty,
                String owner, Instant createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO schedule (channel_key, platform, community, channel, spec, cron, zone, topic,
                            difficulty, owner_user_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(channel.key(), channel.platform(), channel.community(), channel.channel(), spec.text(),
                        spec.cron(), spec.zone().getId(), topic.orElse(null), difficulty.map(Difficulty::name).orElse(null),
                        owner, ts(createdAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Schedule> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule ORDER BY id").query(ScheduleRepository::map).list();
    }

    List<Schedule> inChannel(ChannelRef channel) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule WHERE channel_key = ? ORDER BY id")
                .param(channel.key()).query(ScheduleRepository::map).list();
    }

    Optional<Schedule> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule WHERE id = ?").param(id)
                .query(ScheduleRepository::map).optional();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM schedule WHERE id = ?").param(id).update() == 1;
    }

    Optional<Instant> lastSlot(long scheduleId) {
        return jdbc.sql("SELECT MAX(slot_at) AS last_slot FROM fired_slot WHERE schedule_id = ?").param(scheduleId)
                .query((rs, n) -> Optional.ofNullable(instant(rs, "last_slot"))).single();
    }

    /** Claims a slot; throws DuplicateKeyException when it was already dealt with. */
    void claim(long scheduleId, Instant slot, Instant now, Outcome outcome, String detail) {
        jdbc.sql("INSERT INTO fired_slot (schedule_id, slot_at, fired_at, outcome, detail) VALUES (?, ?, ?, ?, ?)")
                .params(scheduleId, ts(slot), ts(now), outcome.name(), detail).update();
    }

    void settle(long scheduleId, Instant slot, Outcome outcome, Long roundId, String detail) {
        jdbc.sql("UPDATE fired_slot SET outcome = ?, round_id = ?, detail = ? WHERE schedule_id = ? AND slot_at = ?")
                .params(outcome.name(), roundId, detail, scheduleId, ts(slot)).update();
    }

    /** Marks the slot that opened a round as failed after all (its post never arrived). */
    void failSlotOf(long roundId, String detail) {
        jdbc.sql("UPDATE fired_slot SET outcome = ?, detail = ? WHERE round_id = ?")
                .params(Outcome.FAILED.name(), detail, roundId).update();
    }

    record FiredSlot(Instant slot, String outcome, Long roundId) {
    }

    List<FiredSlot> fired(long scheduleId) {
        return jdbc.sql("SELECT slot_at, outcome, round_id FROM fired_slot WHERE schedule_id = ? ORDER BY slot_at")
                .param(scheduleId)
                .query((rs, n) -> {
                    long round = rs.getLong("round_id");
                    return new FiredSlot(instant(rs, "slot_at"), rs.getString("outcome"), rs.wasNull() ? null : round);
                })
                .list();
    }

    private static Schedule map(ResultSet rs, int row) throws SQLException {
        return new Schedule(rs.getLong("id"),
                new ChannelRef(rs.getString("platform"), rs.getString("community"), rs.getString("channel")),
                rs.getString("spec"), rs.getString("cron"), rs.getString("zone"),
                Optional.ofNullable(rs.getString("topic")),
                Optional.ofNullable(rs.getString("difficulty")).map(Difficulty::valueOf),
                rs.getString("owner_user_id"), instant(rs, "created_at"));
    }
}
