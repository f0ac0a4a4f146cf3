package dev.quizbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.DeliveryFailed;
import dev.quizbot.chat.Reply;
import dev.quizbot.console.ConsoleChat;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/**
 * An adapter reports that a question post never reached its channel: the core withdraws the
 * round and, for a scheduled one, tells the schedule's owner. Played through the console chat
 * on the real core and H2; a listener stands in for an adapter whose posts to one channel fail.
 */
@QuizbotTest
@RecordApplicationEvents
class UndeliveredPostTest {

    static final String REASON = "missing permission Send Messages in #quiz";

    @Autowired
    ConsoleChat console;
    @Autowired
    ScheduleService schedules;
    @Autowired
    RoundService rounds;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ApplicationEvents recorded;

    final MutableClock clock = MutableClock.SHARED;
    ApplicationListener<PayloadApplicationEvent<Announcement>> failingAdapter;

    @AfterEach
    void removeFailingAdapter() {
        if (failingAdapter != null) {
            context.removeApplicationListener(failingAdapter);
        }
    }

    /** Fails every post to the channel while {@code failing[0]} is true, reporting it as the Discord adapter does: at once, from inside the announcement. */
    private void postsFailIn(String channel, boolean[] failing) {
        failingAdapter = event -> {
            if (event.getPayload() instanceof Announcement.RoundOpened opened
                    && opened.channel().channel().equals(channel) && failing[0]) {
                events.publishEvent(new DeliveryFailed(opened.channel(), opened.question().roundId(),
                        opened.scheduled(), REASON));
            }
        };
        context.addApplicationListener(failingAdapter);
    }

    private static String channel(String name) {
        return name + "-" + System.nanoTime();
    }

    private static long scheduleId(Reply reply) {
        return Long.parseLong(((Reply.Done) reply).message().replaceAll("^Schedule (\\d+) set.*$", "$1"));
    }

    private void tick() {
        rounds.closeDue();
        schedules.fireDue();
    }

    @Test
    void aScheduledPostThatFailsClosesItsRoundQuietlyAndTellsTheScheduleOwner() {
        clock.set("2026-07-01T05:00:00Z");
        String room = channel("undelivered");
        boolean[] failing = {true};
        postsFailIn(room, failing);
        Screen screen = new Screen();
        var admin = console.connect("olga", true, room, screen);
        long id = scheduleId(admin.send("schedule set daily 06:00 UTC rag"));
        screen.take();

        clock.set("2026-07-01T06:00:00Z");
        tick();

        var failures = recorded.stream(Announcement.ScheduleFailed.class).filter(f -> f.scheduleId() == id).toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.getFirst().ownerUserId()).isEqualTo(admin.caller().userId());
        assertThat(failures.getFirst().channel().channel()).isEqualTo(room);
        assertThat(failures.getFirst().reason()).contains(REASON).contains("The round was closed");
        assertThat(rounds.openRound(admin.caller().channel())).isEmpty();
        assertThat(jdbc.sql("SELECT outcome, detail FROM fired_slot WHERE schedule_id = ?").param(id)
                .query((rs, n) -> rs.getString(1) + ": " + rs.getString(2)).single())
                .isEqualTo("FAILED: post failed: " + REASON);
        String shown = screen.take();
        assertThat(shown).contains("Schedule " + id + " could not post").doesNotContain("🔔 Round");
        assertThat(recorded.stream(Announcement.RoundClosed.class)
                .filter(c -> c.channel().channel().equals(room))).isEmpty();

        // the channel is not held by the invisible round: an on-demand question can be asked at once
        failing[0] = false;
        assertThat(admin.send("ask rag")).isInstanceOf(Reply.RoundStarted.class);
        assertThat(rounds.openRound(admin.caller().channel())).isPresent();
    }

    @Test
    void aReportArrivingTwiceTellsTheOwnerOnce() {
        clock.set("2026-07-10T05:00:00Z");
        String room = channel("twice");
        var admin = console.connect("pia", true, room, new Screen());
        long id = scheduleId(admin.send("schedule set daily 06:00 UTC"));
        clock.set("2026-07-10T06:00:00Z");
        tick();
        long roundId = rounds.openRound(admin.caller().channel()).orElseThrow().id();

        // an adapter that learns of the failure later, asynchronously, and reports it twice
        events.publishEvent(new DeliveryFailed(admin.caller().channel(), roundId, true, "unknown channel."));
        events.publishEvent(new DeliveryFailed(admin.caller().channel(), roundId, true, "unknown channel."));

        assertThat(recorded.stream(Announcement.ScheduleFailed.class).filter(f -> f.scheduleId() == id))
                .singleElement().extracting(Announcement.ScheduleFailed::reason).asString()
                .startsWith("the question of round " + roundId + " could not be posted: unknown channel. The round");
        assertThat(rounds.round(roundId).orElseThrow().closedAt()).contains(Instant.parse("2026-07-10T06:00:00Z"));
    }

    @Test
    void aFailedScheduledPostNeitherBreaksStreaksNorCountsAsAsked() {
        clock.set("2026-08-01T05:00:00Z");
        String room = channel("streak");
        boolean[] failing = {false};
        postsFailIn(room, failing);
        var admin = console.connect("quinn", true, room, new Screen());
        Screen screen = new Screen();
        var rex = console.connect("rex", false, room, screen);
        scheduleId(admin.send("schedule set daily 06:00 UTC fine-tuning"));

        double[] points = new double[2];
        for (int day = 0; day < 3; day++) {
            clock.set(Instant.parse("2026-08-01T06:00:00Z").plus(Duration.ofDays(day)));
            failing[0] = day == 1;
            tick();
            if (day != 1) {
                Reply reply = rex.send("answer a low-rank update while the pre-trained weights stay frozen");
                points[day / 2] = ((Reply.Feedback) reply).feedback().points();
            }
        }

        // day 2's post never arrived: day 3 still earns the bonus for a streak of one earlier round
        assertThat(points).containsExactly(150, 165);
        rex.send("stats");
        assertThat(screen.take()).contains("streak 2 (best 2)");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quiz_round WHERE channel_key = ? AND undelivered IS NOT NULL")
                .param(admin.caller().channel().key()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anOnDemandPostThatFailsIsWithdrawnWithoutTellingAnyScheduleOwner() {
        clock.set("2026-09-01T10:00:00Z");
        String room = channel("ondemand");
        Screen screen = new Screen();
        var user = console.connect("sam", false, room, screen);
        user.send("ask rag");
        long roundId = rounds.openRound(user.caller().channel()).orElseThrow().id();
        screen.take();

        events.publishEvent(new DeliveryFailed(user.caller().channel(), roundId, false, REASON));

        assertThat(rounds.openRound(user.caller().channel())).isEmpty();
        assertThat(user.send("answer retrieval from documents in the prompt")).isInstanceOf(Reply.Refused.class);
        assertThat(recorded.stream(Announcement.ScheduleFailed.class)
                .filter(f -> f.channel().channel().equals(room))).isEmpty();
        assertThat(screen.take()).doesNotContain("🔔 Round");
    }

    @Test
    void aReportNamingAnotherChannelLeavesTheRoundOpen() {
        clock.set("2026-09-02T10:00:00Z");
        String room = channel("mismatch");
        var user = console.connect("tom", false, room, new Screen());
        user.send("ask rag");
        long roundId = rounds.openRound(user.caller().channel()).orElseThrow().id();

        events.publishEvent(new DeliveryFailed(new ChannelRef(ConsoleChat.PLATFORM, ConsoleChat.COMMUNITY, "elsewhere"),
                roundId, false, REASON));

        assertThat(rounds.openRound(user.caller().channel())).map(r -> r.id()).contains(roundId);
    }
}
