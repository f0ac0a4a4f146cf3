package dev.quizbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Command;
import dev.quizbot.round.AnswerOutcome;
import dev.quizbot.round.RoundService;
import dev.quizbot.schedule.ScheduleService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 12, "posts lost between the database commit and the chat call": an instance killed
 * right after a round closed lost the reveal and the edit that removes the Answer button; one
 * killed while waiting out a 429 left a round recorded as posted that never reached the
 * channel, later revealed and counted against streaks. Here the killed instance is a claim
 * that is never completed; another instance takes over when the lease runs out.
 */
@QuizbotTest
class LostPostsTest {

    private static final AtomicLong PLATFORMS = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired
    OutboxRepository rows;
    @Autowired
    Payloads payloads;
    @Autowired
    RoundService rounds;
    @Autowired
    ScheduleService schedules;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MeterRegistry meters;

    final MutableClock clock = MutableClock.SHARED;

    private OutboxWorker worker(String instance, DeliveryPort port) {
        OutboxProperties properties = new OutboxProperties(Duration.ofSeconds(1), Duration.ofMinutes(2), 3,
                Duration.ofSeconds(2), Duration.ofMinutes(5), 50, Duration.ofDays(7));
        return new OutboxWorker(rows, payloads, () -> List.of(port), properties, clock, transactions, events, meters,
                instance);
    }

    /** What a killed instance leaves: the row claimed under its lease, the delivery never recorded. */
    private void claimAndDie(String platform) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> rows.lockDue(List.of(platform),
                clock.instant(), 50, Optional.empty()).forEach(id -> rows.take(id, "killed#1", clock.instant(),
                clock.instant().plus(Duration.ofMinutes(2)))));
    }

    @Test
    void theRevealAndTheClosingEditOfARoundClosedJustBeforeAKillAreDeliveredByTheNextInstance() {
        clock.set("2027-02-01T10:00:00Z");
        ChannelRef channel = new ChannelRef("k" + PLATFORMS.incrementAndGet(), "c", "quiz");
        ScriptedPort survivorChat = new ScriptedPort(channel.platform());
        OutboxWorker survivor = worker("survivor", survivorChat);
        long roundId = ((dev.quizbot.round.OpenOutcome.Opened) rounds.openOnDemand(channel, Optional.of("rag"),
                Optional.empty())).round().id();
        survivor.drain();
        rounds.answer(new Caller(channel, "ann", "Ann", false), Optional.empty(),
                "split documents into chunks and retrieve the relevant ones");

        clock.advance(Duration.ofMinutes(10));
        rounds.closeDue();
        assertThat(rounds.round(roundId).orElseThrow().closedAt()).isPresent();
        // "Round N closed" is logged, then the instance dies in the middle of delivering
        claimAndDie(channel.platform());
        survivor.drain();
        assertThat(survivorChat.shown(Announcement.RoundClosed.class)).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        survivor.drain();
        survivor.drain();

        // the reveal row carries the close of the question post too (adapters edit it away first)
        assertThat(survivorChat.shown(Announcement.RoundClosed.class)).singleElement().satisfies(closed -> {
            assertThat(closed.reveal().roundId()).isEqualTo(roundId);
            assertThat(closed.reveal().answered()).isEqualTo(1);
        });
        assertThat(survivorChat.delivered.getLast().postMessageId()).isPresent();
    }

    @Test
    void aPostCutOffWhileWaitingOutA429IsNeverRevealedAndDoesNotCountAgainstStreaks() {
        clock.set("2027-02-10T05:00:00Z");
        ChannelRef channel = new ChannelRef("k" + PLATFORMS.incrementAndGet(), "c", "quiz");
        Caller owner = new Caller(channel, "olga", "Olga", true);
        Caller rex = new Caller(channel, "rex", "Rex", false);
        ScriptedPort chat = new ScriptedPort(channel.platform());
        OutboxWorker survivor = worker("survivor", chat);
        schedules.set(owner, new Command.ScheduleSet("daily 06:00", "UTC", Optional.of("fine-tuning"), Optional.empty()));
        String answer = "a low-rank update while the pre-trained weights stay frozen";

        // day 1: posted, answered correctly
        clock.set("2027-02-10T06:00:00Z");
        schedules.fireDue();
        survivor.drain();
        assertThat(rounds.answer(rex, Optional.empty(), answer)).isInstanceOf(AnswerOutcome.Graded.class);

        // day 2: the instance claims the post, meets a 429 and is killed while waiting it out
        clock.set("2027-02-11T06:00:00Z");
        rounds.closeDue();
        survivor.drain();
        schedules.fireDue();
        long unseen = rounds.openRound(channel).orElseThrow().id();
        claimAndDie(channel.platform());
        // the survivor takes over once the lease has run out; Slack keeps refusing until the bound
        chat.otherwise(d -> d.announcement() instanceof Announcement.RoundOpened
                ? DeliveryResult.RetryLater.after(Duration.ofSeconds(30), "429 Too Many Requests")
                : DeliveryResult.Delivered.done());
        for (int minute = 0; minute < 10; minute++) {
            clock.advance(Duration.ofMinutes(1));
            survivor.drain();
        }
        chat.otherwise(d -> DeliveryResult.Delivered.done());

        assertThat(jdbc.sql("SELECT undelivered FROM quiz_round WHERE id = ?").param(unseen).query(String.class)
                .single()).contains("429");
        assertThat(chat.shown(Announcement.ScheduleFailed.class)).singleElement()
                .extracting(Announcement.ScheduleFailed::ownerUserId).isEqualTo("olga");

        // day 3: answered again; day 2 never reached the channel, so neither a reveal nor a broken streak
        clock.set("2027-02-12T06:00:00Z");
        rounds.closeDue();
        schedules.fireDue();
        survivor.drain();
        var day3 = rounds.answer(rex, Optional.empty(), answer);
        assertThat(day3).isInstanceOfSatisfying(AnswerOutcome.Graded.class,
                graded -> assertThat(graded.feedback().notes()).anyMatch(n -> n.contains("Streak of 2")));
        assertThat(chat.shown(Announcement.RoundClosed.class)).extracting(c -> c.reveal().roundId())
                .doesNotContain(unseen);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE round_id = ? AND kind = 'RoundClosed'"
                + " AND state = 'DELIVERED'").param(unseen).query(Integer.class).single()).isZero();
    }
}
