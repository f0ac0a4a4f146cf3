package dev.quizbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.chat.Reply;
import dev.quizbot.round.RoundService;
import dev.quizbot.schedule.ScheduleService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/** Scheduled rounds played through the console: exactly-once slots, grace, DST, streaks and bad input. */
@QuizbotTest
class ConsoleScheduleTest {

    @Autowired
    ConsoleChat console;
    @Autowired
    ScheduleService schedules;
    @Autowired
    RoundService rounds;
    @Autowired
    JdbcClient jdbc;

    final MutableClock clock = MutableClock.SHARED;

    private static String channel(String name) {
        return name + "-" + System.nanoTime();
    }

    private long scheduleId(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Done.class);
        String message = ((Reply.Done) reply).message();
        return Long.parseLong(message.replaceAll("^Schedule (\\d+) set.*$", "$1"));
    }

    private List<Instant> roundsOpenedBy(long scheduleId) {
        return jdbc.sql("SELECT opened_at FROM quiz_round WHERE schedule_id = ? ORDER BY opened_at").param(scheduleId)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).list();
    }

    private void tick() {
        rounds.closeDue();
        schedules.fireDue();
    }

    @Test
    void aDailyScheduleFiresOnceAtItsSlotAndTheRoundLastsUntilTheNextPost() {
        clock.set("2026-03-02T07:00:00Z");
        Screen screen = new Screen();
        var admin = console.connect("ada", true, channel("daily"), screen);
        long id = scheduleId(admin.send("schedule set daily 09:00 Europe/Berlin rag"));
        assertThat(screen.take()).contains("Next post: Mon 2 Mar 09:00 CET");

        clock.set("2026-03-02T07:59:59Z");
        tick();
        assertThat(roundsOpenedBy(id)).isEmpty();

        clock.set("2026-03-02T08:00:01Z");
        tick();
        tick();
        assertThat(roundsOpenedBy(id)).containsExactly(Instant.parse("2026-03-02T08:00:01Z"));
        String post = screen.take();
        assertThat(post).contains("Scheduled question").contains("Retrieval-augmented generation");
        assertThat(rounds.openRound(admin.caller().channel()).orElseThrow().closesAt())
                .isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));

        // the next day's post closes yesterday's round (reveal) and opens a new one
        clock.set("2026-03-03T08:00:00Z");
        tick();
        assertThat(roundsOpenedBy(id)).hasSize(2);
        assertThat(screen.take()).contains("closed").contains("Scheduled question");
    }

    @Test
    void twoInstancesTickingAtOnceFireASlotOnlyOnce() throws Exception {
        clock.set("2026-03-09T06:00:00Z");
        var admin = console.connect("ben", true, channel("race"), new Screen());
        long id = scheduleId(admin.send("schedule set \"0 30 6 * * *\" UTC"));
        clock.set("2026-03-09T06:30:02Z");

        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Integer>> ticks = List.of(schedules::fireDue, schedules::fireDue, schedules::fireDue,
                    schedules::fireDue);
            pool.invokeAll(ticks);
        }

        assertThat(roundsOpenedBy(id)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fired_slot WHERE schedule_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aSlotMissedWithinTheGracePeriodIsPostedLateAndOlderOnesAreSkipped() {
        clock.set("2026-04-06T06:00:00Z");
        var admin = console.connect("cleo", true, channel("grace"), new Screen());
        long id = scheduleId(admin.send("schedule set daily 07:00 UTC"));

        // down over the 07:00 slot, back 20 minutes later: within the 30-minute grace
        clock.set("2026-04-06T07:20:00Z");
        tick();
        assertThat(roundsOpenedBy(id)).containsExactly(Instant.parse("2026-04-06T07:20:00Z"));

        // down for three days, back two hours after the slot: beyond grace, nothing posted, recorded as skipped
        clock.set("2026-04-09T09:00:00Z");
        tick();
        assertThat(roundsOpenedBy(id)).hasSize(1);
        assertThat(jdbc.sql("SELECT outcome FROM fired_slot WHERE schedule_id = ? ORDER BY slot_at").param(id)
                .query(String.class).list()).containsExactly("POSTED", "SKIPPED");
        // and the next slot posts normally
        clock.set("2026-04-10T07:00:00Z");
        tick();
        assertThat(roundsOpenedBy(id)).hasSize(2);
    }

    @Test
    void aDailyScheduleKeepsItsLocalTimeAcrossTheDstChange() {
        // New York moves clocks forward on Sunday 8 March 2026: 09:00 is 14:00 UTC before, 13:00 UTC after
        clock.set("2026-03-06T12:00:00Z");
        var admin = console.connect("dora", true, channel("dst"), new Screen());
        long id = scheduleId(admin.send("schedule set daily 09:00 America/New_York"));

        for (String at : new String[] {"2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z", "2026-03-09T13:00:00Z"}) {
            clock.set(Instant.parse(at).minusSeconds(1));
            tick();
            clock.set(at);
            tick();
        }

        assertThat(roundsOpenedBy(id)).containsExactly(Instant.parse("2026-03-07T14:00:00Z"),
                Instant.parse("2026-03-08T13:00:00Z"), Instant.parse("2026-03-09T13:00:00Z"));
    }

    @Test
    void aTimeSkippedBySpringForwardPostsOnceShiftedAndARepeatedTimePostsOnce() {
        // Berlin: 02:30 does not exist on 29 March 2026 and happens twice on 25 October 2026
        clock.set("2026-03-28T12:00:00Z");
        var admin = console.connect("emil", true, channel("gap"), new Screen());
        long id = scheduleId(admin.send("schedule set daily 02:30 Europe/Berlin"));
        for (Instant t = clock.instant(); t.isBefore(Instant.parse("2026-03-30T12:00:00Z")); t = t.plus(Duration.ofMinutes(15))) {
            clock.set(t);
            tick();
        }
        assertThat(roundsOpenedBy(id)).containsExactly(Instant.parse("2026-03-29T01:30:00Z"),
                Instant.parse("2026-03-30T00:30:00Z"));

        clock.set("2026-10-24T12:00:00Z");
        long autumn = scheduleId(admin.send("schedule set daily 02:30 Europe/Berlin"));
        for (Instant t = clock.instant(); t.isBefore(Instant.parse("2026-10-25T12:00:00Z")); t = t.plus(Duration.ofMinutes(15))) {
            clock.set(t);
            tick();
        }
        assertThat(roundsOpenedBy(autumn)).containsExactly(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void badSchedulesGetClearRepliesAndStoreNothing() {
        clock.set("2026-05-04T10:00:00Z");
        var admin = console.connect("fay", true, channel("bad"), new Screen());
        int before = jdbc.sql("SELECT COUNT(*) FROM schedule").query(Integer.class).single();

        assertThat(admin.send("schedule set \"0 0 25 * * *\" Europe/Berlin")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("not a valid cron expression").contains("daily HH:MM"));
        assertThat(admin.send("schedule set daily 9am Europe/Berlin")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("is not `daily HH:MM`"));
        assertThat(admin.send("schedule set daily 09:00 Europe/Berln")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Unknown timezone 'Europe/Berln'").contains("did you mean Europe/Berlin?"));
        assertThat(admin.send("schedule set daily 09:00 Mars/Olympus")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Unknown timezone 'Mars/Olympus'"));
        assertThat(admin.send("schedule set daily 09:00 UTC astrology")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Unknown topic 'astrology'"));
        assertThat(admin.send("schedule set daily 09:00 UTC evaluation")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("no questions in topic 'evaluation'"));
        assertThat(admin.send("schedule set \"0 * * * * *\" UTC")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("would post every 1 min"));
        assertThat(admin.send("schedule set daily 09:00")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Add an IANA timezone"));
        assertThat(admin.send("schedule remove 987654")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("no schedule 987654"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM schedule").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void timezonesAreReadIgnoringCaseAndAbbreviationsGetTheirIanaName() {
        clock.set("2026-05-04T10:00:00Z");
        var admin = console.connect("ida", true, channel("zones"), new Screen());

        assertThat(admin.send("schedule set daily 10:00 utc")).isInstanceOfSatisfying(Reply.Done.class,
                d -> assertThat(d.message()).contains("daily 10:00 UTC").contains("Next post: Tue 5 May 10:00 UTC"));
        assertThat(admin.send("schedule set daily 11:00 europe/berlin")).isInstanceOfSatisfying(Reply.Done.class,
                d -> assertThat(d.message()).contains("Europe/Berlin"));
        assertThat(admin.send("schedule set \"0 0 9 * * MON-FRI\" AMERICA/NEW_YORK")).isInstanceOf(Reply.Done.class);
        for (String[] abbreviation : new String[][] {{"EST", "America/New_York"}, {"pst", "America/Los_Angeles"},
                {"CET", "Europe/Berlin"}}) {
            assertThat(admin.send("schedule set daily 12:00 " + abbreviation[0]))
                    .isInstanceOfSatisfying(Reply.Refused.class, r -> assertThat(r.reason())
                            .contains("did you mean " + abbreviation[1] + "?"));
        }
    }

    @Test
    void topicsMatchIgnoringCaseSpacesAndHyphensAndAWrongDifficultyIsNamed() {
        clock.set("2026-05-04T10:00:00Z");
        var admin = console.connect("jo", true, channel("topics"), new Screen());

        assertThat(admin.send("schedule set daily 10:00 UTC rag impossible")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("'impossible' is not a difficulty (easy, medium, hard)"));
        assertThat(admin.send("schedule set daily 10:00 UTC Fine Tuning hard")).isInstanceOfSatisfying(
                Reply.Refused.class, r -> assertThat(r.reason()).contains("There are no hard questions in topic"
                        + " 'fine-tuning'; it has 1 medium."));
        assertThat(admin.send("schedule set daily 10:00 UTC Fine Tuning")).isInstanceOfSatisfying(Reply.Done.class,
                d -> assertThat(d.message()).contains("topic fine-tuning"));
    }

    @Test
    void aScheduleThatFiresAtTheSameMomentAsAnotherIsSetWithAWarning() {
        clock.set("2026-05-04T10:00:00Z");
        var admin = console.connect("kim", true, channel("clash"), new Screen());
        long first = scheduleId(admin.send("schedule set daily 09:00 Europe/Berlin"));

        // 07:00 UTC is 09:00 in Berlin in summer: every weekday post lands on the daily one
        Reply second = admin.send("schedule set \"0 0 7 * * MON-FRI\" UTC");
        Reply apart = admin.send("schedule set daily 12:00 Europe/Berlin");

        assertThat(second).isInstanceOfSatisfying(Reply.Done.class, d -> assertThat(d.message())
                .contains("Warning: Schedule " + first + " (daily 09:00 Europe/Berlin) also posts at Tue 5 May 07:00 UTC"));
        assertThat(apart).isInstanceOfSatisfying(Reply.Done.class, d -> assertThat(d.message()).doesNotContain("Warning"));
    }

    @Test
    void aFiveMinuteRoundGetsNoLastCall() {
        clock.set("2026-05-04T10:00:00Z");
        Screen screen = new Screen();
        var admin = console.connect("lee", true, channel("short"), screen);
        scheduleId(admin.send("schedule set \"0 */5 * * * *\" UTC"));
        clock.set("2026-05-04T10:05:00Z");
        tick();
        screen.take();

        clock.set("2026-05-04T10:09:10Z");
        assertThat(rounds.announceClosingSoon()).isZero();
        assertThat(screen.take()).doesNotContain("last call");
    }

    @Test
    void schedulesAreListedAndRemoved() {
        clock.set("2026-05-04T10:00:00Z");
        Screen screen = new Screen();
        var admin = console.connect("gus", true, channel("list"), screen);
        long id = scheduleId(admin.send("schedule set 0 0 9 * * MON-FRI America/New_York rag easy"));
        screen.take();

        admin.send("schedule list");
        // the next post with its day, in the schedule's own zone (Monday 4 May, 10:00 UTC, is 06:00 in New York)
        assertThat(screen.take()).contains("#" + id + "  0 0 9 * * MON-FRI America/New_York · rag · easy"
                + "  next: Mon 4 May 09:00 EDT");

        assertThat(admin.send("schedule remove " + id)).isInstanceOf(Reply.Done.class);
        admin.send("schedule list");
        assertThat(screen.take()).contains("No schedules in this channel");
    }

    @Test
    void consecutiveCorrectScheduledAnswersBuildAStreakThatEarnsABonus() {
        clock.set("2026-06-01T05:00:00Z");
        String room = channel("streak");
        var admin = console.connect("hal", true, room, new Screen());
        Screen screen = new Screen();
        var ivy = console.connect("ivy", false, room, screen);
        scheduleId(admin.send("schedule set daily 06:00 UTC fine-tuning"));

        double[] points = new double[3];
        for (int day = 0; day < 3; day++) {
            clock.set(Instant.parse("2026-06-01T06:00:00Z").plus(Duration.ofDays(day)));
            tick();
            Reply reply = ivy.send("answer a low-rank update while the pre-trained weights stay frozen");
            points[day] = ((Reply.Feedback) reply).feedback().points();
        }

        // medium (×1.5) full marks = 150, then +10% and +20% for a streak of one and two earlier rounds
        assertThat(points).containsExactly(150, 165, 180);
        ivy.send("stats");
        assertThat(screen.take()).contains("streak 3 (best 3)");

        // missing a day breaks the streak
        clock.set("2026-06-04T06:00:00Z");
        tick();
        clock.set("2026-06-05T06:00:00Z");
        tick();
        ivy.send("stats");
        assertThat(screen.take()).contains("streak 0 (best 3)");
    }
}
