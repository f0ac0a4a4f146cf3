package dev.quizbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Views;
import dev.quizbot.round.OpenOutcome;
import dev.quizbot.round.RoundService;
import dev.quizbot.schedule.ScheduleService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox on the real core and H2. Each test delivers to a platform of its own through
 * {@link ScriptedPort}s run by workers it builds itself, as separate instances would run them;
 * the application's own worker has no port for these platforms and leaves their rows alone.
 */
@QuizbotTest
class OutboxTest {

    private static final AtomicLong PLATFORMS = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired
    Outbox outbox;
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

    private static String platform() {
        return "t" + PLATFORMS.incrementAndGet();
    }

    private OutboxWorker worker(String instance, int maxAttempts, DeliveryPort... ports) {
        OutboxProperties properties = new OutboxProperties(Duration.ofSeconds(1), Duration.ofMinutes(2), maxAttempts,
                Duration.ofSeconds(2), Duration.ofMinutes(5), 50, Duration.ofDays(7));
        return new OutboxWorker(rows, payloads, () -> List.of(ports), properties, clock, transactions, events, meters,
                instance);
    }

    private String state(long id) {
        return jdbc.sql("SELECT state FROM outbox WHERE id = ?").param(id).query(String.class).single();
    }

    private List<Long> rowsOf(ChannelRef channel, String kind) {
        return jdbc.sql("SELECT id FROM outbox WHERE channel_key = ? AND kind = ? ORDER BY id")
                .params(channel.key(), kind).query(Long.class).list();
    }

    private static Views.Question question(long roundId) {
        return new Views.Question(roundId, "q", "rag", "RAG", Difficulty.EASY, "Why chunk?",
                Instant.parse("2030-01-01T00:00:00Z"), 0, "UTC", Duration.ofMinutes(10));
    }

    private long openRound(ChannelRef channel) {
        OpenOutcome opened = rounds.openOnDemand(channel, Optional.of("rag"), Optional.empty());
        return ((OpenOutcome.Opened) opened).round().id();
    }

    @Test
    void aRoundAndItsQuestionPostCommitTogetherAndRollBackTogether() {
        clock.set("2027-01-04T10:00:00Z");
        ChannelRef channel = new ChannelRef(platform(), "c", "quiz");
        TransactionTemplate tx = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            openRound(channel);
            throw new IllegalStateException("a failure later in the same transaction");
        })).hasMessageContaining("a failure later");

        assertThat(rounds.openRound(channel)).isEmpty();
        assertThat(rowsOf(channel, "RoundOpened")).isEmpty();

        long roundId = tx.execute(status -> openRound(channel));
        assertThat(rounds.openRound(channel)).isPresent();
        List<Long> posts = rowsOf(channel, "RoundOpened");
        assertThat(posts).hasSize(1);
        assertThat(payloads.read("RoundOpened", jdbc.sql("SELECT payload FROM outbox WHERE id = ?")
                .param(posts.getFirst()).query(String.class).single()))
                .isInstanceOfSatisfying(Announcement.RoundOpened.class, o -> assertThat(o.question().roundId())
                        .isEqualTo(roundId));
    }

    @Test
    void aRateLimitedPostIsRetriedOnlyAfterRetryAfterAndTheRecordedMessageIdReachesTheReveal() {
        clock.set("2027-01-05T10:00:00Z");
        ChannelRef channel = new ChannelRef(platform(), "c", "quiz");
        ScriptedPort chat = new ScriptedPort(channel.platform())
                .then(DeliveryResult.RetryLater.after(Duration.ofSeconds(30), "429 Too Many Requests"));
        OutboxWorker worker = worker("a", 5, chat);
        long roundId = openRound(channel);

        worker.drain();
        assertThat(chat.delivered).hasSize(1);
        // the wait Retry-After asks for is longer than the worker's own first backoff (2 s), so it wins
        clock.advance(Duration.ofSeconds(29));
        worker.drain();
        assertThat(chat.delivered).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        worker.drain();
        assertThat(chat.delivered).hasSize(2);
        assertThat(chat.delivered.get(1).id()).isEqualTo(chat.delivered.get(0).id());
        assertThat(chat.delivered.get(1).attempt()).isEqualTo(2);
        long post = rowsOf(channel, "RoundOpened").getFirst();
        assertThat(state(post)).isEqualTo("DELIVERED");
        assertThat(jdbc.sql("SELECT platform_message_id FROM outbox WHERE id = ?").param(post).query(String.class)
                .single()).isEqualTo("m" + post);

        clock.advance(Duration.ofMinutes(10));
        rounds.closeDue();
        worker.drain();
        Delivery reveal = chat.delivered.getLast();
        assertThat(reveal.announcement()).isInstanceOf(Announcement.RoundClosed.class);
        assertThat(reveal.postMessageId()).contains("m" + post);
    }

    @Test
    void aScheduledPostStillRateLimitedAfterTheBoundIsGivenUpItsRoundWithdrawnAndTheOwnerTold() {
        clock.set("2027-01-06T05:00:00Z");
        ChannelRef channel = new ChannelRef(platform(), "c", "quiz");
        Caller owner = new Caller(channel, "olga", "Olga", true);
        ScriptedPort chat = new ScriptedPort(channel.platform()).otherwise(d -> d.announcement()
                instanceof Announcement.RoundOpened ? DeliveryResult.RetryLater.after(Duration.ofSeconds(5), "429")
                : DeliveryResult.Delivered.done());
        OutboxWorker worker = worker("a", 3, chat);
        var set = schedules.set(owner, new Command.ScheduleSet("daily 06:00", "UTC", Optional.of("rag"), Optional.empty()));
        assertThat(set).isInstanceOf(ScheduleService.SetOutcome.Created.class);
        clock.set("2027-01-06T06:00:00Z");
        schedules.fireDue();
        long roundId = rounds.openRound(channel).orElseThrow().id();

        for (int attempt = 0; attempt < 3; attempt++) {
            worker.drain();
            clock.advance(Duration.ofMinutes(1));
        }
        worker.drain();

        assertThat(chat.shown(Announcement.RoundOpened.class)).hasSize(3);
        assertThat(state(rowsOf(channel, "RoundOpened").getFirst())).isEqualTo("GAVE_UP");
        assertThat(chat.givenUp).hasSize(1);
        assertThat(rounds.openRound(channel)).isEmpty();
        assertThat(jdbc.sql("SELECT undelivered FROM quiz_round WHERE id = ?").param(roundId).query(String.class).single())
                .contains("still failing after 3 tries: 429");
        assertThat(chat.shown(Announcement.ScheduleFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.ownerUserId()).isEqualTo("olga");
            assertThat(failed.reason()).contains("round " + roundId + " could not be posted");
        });
        // nobody saw the question: closing finds nothing to close, and no reveal is ever queued
        clock.advance(Duration.ofDays(1));
        rounds.closeDue();
        worker.drain();
        assertThat(rowsOf(channel, "RoundClosed")).isEmpty();
        assertThat(chat.shown(Announcement.RoundClosed.class)).isEmpty();
    }

    @Test
    void aRefusedPostIsGivenUpAtOnce() {
        clock.set("2027-01-07T10:00:00Z");
        ChannelRef channel = new ChannelRef(platform(), "c", "quiz");
        ScriptedPort chat = new ScriptedPort(channel.platform()).then(new DeliveryResult.Failed("missing permission"));
        openRound(channel);

        worker("a", 8, chat).drain();

        assertThat(chat.delivered).hasSize(1);
        assertThat(rounds.openRound(channel)).isEmpty();
    }

    @Test
    void aRowClaimedByAnInstanceThatDiedIsDeliveredByAnotherOnceItsLeaseRunsOut() {
        clock.set("2027-01-08T10:00:00Z");
        ChannelRef channel = new ChannelRef(platform(), "c", "quiz");
        long id = outbox.enqueue(new Announcement.RoundOpened(channel, question(7_000_001), false));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        // the dead instance claimed it (and maybe waited out a 429) but never recorded anything
        OutboxRepository.Claimed dead = tx.execute(status -> rows.lockDue(List.of(channel.platform()), clock.instant(),
                1, Optional.of(id)).stream().map(row -> rows.take(row, "dead#1", clock.instant(),
                clock.instant().plus(Duration.ofMinutes(2)))).flatMap(Optional::stream).findFirst().orElseThrow());
        ScriptedPort chat = new ScriptedPort(channel.platform());
        OutboxWorker survivor = worker("b", 8, chat);

        survivor.drain();
        assertThat(chat.delivered).as("still leased to the dead instance").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        survivor.drain();
        assertThat(chat.delivered).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.attempt()).isEqualTo(2);
        });
        assertThat(state(id)).isEqualTo("DELIVERED");
        // should the dead instance come back with a result, its lease is gone: it changes nothing
        assertThat(rows.delivered(dead, Optional.of("other"), clock.instant())).isEqualTo(OutboxRepository.Recorded.LOST);
        assertThat(jdbc.sql("SELECT platform_message_id FROM outbox WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("m" + id);
    }

    @Test
    void twoWorkersNeverDeliverOneRowTwiceAndKeepEachRoundsOrder() throws Exception {
        clock.set("2027-01-09T10:00:00Z");
        String platform = platform();
        int roundsCount = 40;
        int perRound = 5;
        List<Long> ids = new ArrayList<>();
        for (int r = 0; r < roundsCount; r++) {
            ChannelRef channel = new ChannelRef(platform, "c", "ch" + r);
            for (int i = 0; i < perRound; i++) {
                ids.add(outbox.enqueue(new Announcement.ClosingSoon(channel, question(8_000_000 + r))));
            }
        }
        Map<Long, AtomicInteger> times = new ConcurrentHashMap<>();
        Map<Long, List<Long>> orderPerRound = new ConcurrentHashMap<>();
        java.util.function.Function<Delivery, DeliveryResult> record = d -> {
            times.computeIfAbsent(d.id(), k -> new AtomicInteger()).incrementAndGet();
            long round = ((Announcement.ClosingSoon) d.announcement()).question().roundId();
            orderPerRound.computeIfAbsent(round, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(d.id());
            Thread.yield();
            return DeliveryResult.Delivered.done();
        };
        OutboxWorker a = worker("a", 8, new ScriptedPort(platform).otherwise(record));
        OutboxWorker b = worker("b", 8, new ScriptedPort(platform).otherwise(record));
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> running = new ArrayList<>();
            for (OutboxWorker w : List.of(a, b, a, b)) {
                running.add(pool.submit(() -> {
                    start.await();
                    while (times.size() < ids.size()) {
                        w.drain();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        }

        assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(times.values()).allMatch(n -> n.get() == 1);
        assertThat(orderPerRound.values()).allSatisfy(order -> assertThat(order).isSorted());
        assertThat(ids).allMatch(id -> state(id).equals("DELIVERED"));
    }

    @Test
    void answerCountEditsCoalesceIntoOnePendingEditPerRoundEvenWhileOneIsInFlight() {
        clock.set("2027-01-10T10:00:00Z");
        ChannelRef channel = new ChannelRef(platform(), "c", "quiz");
        long first = outbox.enqueue(new Announcement.AnswerCountChanged(channel, 9_000_001, 1));
        assertThat(outbox.enqueue(new Announcement.AnswerCountChanged(channel, 9_000_001, 2))).isEqualTo(first);
        assertThat(outbox.enqueue(new Announcement.AnswerCountChanged(channel, 9_000_001, 3))).isEqualTo(first);
        assertThat(rowsOf(channel, "AnswerCountChanged")).containsExactly(first);

        // a newer count arrives while the edit showing 3 is on its way: the row stays pending with 4,
        // and goes again with the next drain (one drain edits a post once)
        List<Integer> shown = new ArrayList<>();
        ScriptedPort chat = new ScriptedPort(channel.platform());
        chat.otherwise(d -> {
            int count = ((Announcement.AnswerCountChanged) d.announcement()).answerCount();
            shown.add(count);
            if (count == 3) {
                outbox.enqueue(new Announcement.AnswerCountChanged(channel, 9_000_001, 4));
            }
            return DeliveryResult.Delivered.done();
        });
        OutboxWorker worker = worker("a", 8, chat);
        worker.drain();
        assertThat(shown).containsExactly(3);
        assertThat(state(first)).isEqualTo("PENDING");
        worker.drain();

        assertThat(shown).containsExactly(3, 4);
        assertThat(rowsOf(channel, "AnswerCountChanged")).containsExactly(first);
        assertThat(state(first)).isEqualTo("DELIVERED");
        // once delivered, the next answer starts a new pending edit
        assertThat(outbox.enqueue(new Announcement.AnswerCountChanged(channel, 9_000_001, 5))).isNotEqualTo(first);
    }

    /**
     * A newer count that finds the pending edit while a worker is recording that edit as
     * delivered: it used to be written onto the delivered row and never shown (the count stuck one
     * behind after a burst of answers). It gets a pending edit of its own.
     */
    @Test
    void aCountArrivingWhileItsEditIsRecordedAsDeliveredIsStillShown() throws Exception {
        ChannelRef channel = new ChannelRef(platform(), "c", "quiz");
        long first = outbox.enqueue(new Announcement.AnswerCountChanged(channel, 9_200_001, 1));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the worker's record of the delivery, its transaction still open
            Future<?> worker = threads.submit(() -> tx.executeWithoutResult(status -> {
                jdbc.sql("UPDATE outbox SET state = 'DELIVERED', coalesce_key = NULL WHERE id = ?").param(first).update();
                recording.countDown();
                awaitQuietly(commit);
            }));
            assertThat(recording.await(10, TimeUnit.SECONDS)).isTrue();
            // the next answer's count finds the row still pending and waits for the worker's lock
            Future<Long> second = threads.submit(() -> tx.execute(status ->
                    outbox.enqueue(new Announcement.AnswerCountChanged(channel, 9_200_001, 2))));
            Thread.sleep(500);
            commit.countDown();
            worker.get(10, TimeUnit.SECONDS);
            long id = second.get(10, TimeUnit.SECONDS);

            assertThat(id).isNotEqualTo(first);
            assertThat(state(id)).isEqualTo("PENDING");
            assertThat(jdbc.sql("SELECT payload FROM outbox WHERE id = ?").param(id).query(String.class).single())
                    .isEqualTo(payloads.write(new Announcement.AnswerCountChanged(channel, 9_200_001, 2)));
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Answers that keep coming while each count edit is on its way re-arm it every time; one drain
     * used to send it again and again (a hundred edits of one post within seconds of a burst).
     */
    @Test
    void aCountEditKeptBusyByAStreamOfAnswersGoesOutOncePerDrain() {
        ChannelRef channel = new ChannelRef(platform(), "c", "quiz");
        long row = outbox.enqueue(new Announcement.AnswerCountChanged(channel, 9_300_001, 1));
        AtomicInteger answers = new AtomicInteger(1);
        ScriptedPort chat = new ScriptedPort(channel.platform());
        chat.otherwise(d -> {
            outbox.enqueue(new Announcement.AnswerCountChanged(channel, 9_300_001, answers.incrementAndGet()));
            return DeliveryResult.Delivered.done();
        });

        worker("a", 8, chat).drain();

        assertThat(chat.delivered).hasSize(1);
        assertThat(state(row)).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT attempts FROM outbox WHERE id = ?").param(row).query(Integer.class).single()).isZero();
    }

    @Test
    void aPendingCountEditNeitherHoldsUpTheRevealNorFollowsIt() {
        ChannelRef channel = new ChannelRef(platform(), "c", "quiz");
        long count = outbox.enqueue(new Announcement.AnswerCountChanged(channel, 9_100_001, 7));
        long reveal = outbox.enqueue(new Announcement.RoundClosed(channel, new Views.Reveal(9_100_001, "Why chunk?",
                "To fit the context.", 7, 3, List.of())));
        ScriptedPort chat = new ScriptedPort(channel.platform());

        worker("a", 8, chat).drain();

        assertThat(chat.delivered).extracting(Delivery::id).containsExactly(reveal);
        assertThat(state(count)).isEqualTo("CANCELLED");
    }

    @Test
    void aPrivateNoticeIsQueuedForItsPlatform() {
        ChannelRef channel = new ChannelRef(platform(), "c", "quiz");
        long id = outbox.enqueuePrivateNotice(channel, "U1", "Your answer to round 3 was regraded: correct.");
        ScriptedPort chat = new ScriptedPort(channel.platform());

        worker("a", 8, chat).drain();

        assertThat(chat.shown(Announcement.PrivateNotice.class)).singleElement()
                .isEqualTo(new Announcement.PrivateNotice(channel, "U1", "Your answer to round 3 was regraded: correct."));
        assertThat(state(id)).isEqualTo("DELIVERED");
        assertThatThrownBy(() -> outbox.enqueuePrivateNotice(channel, " ", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.enqueuePrivateNotice(channel, "U1", "x".repeat(Outbox.MAX_NOTICE_LENGTH + 1)))
                .hasMessageContaining("at most " + Outbox.MAX_NOTICE_LENGTH + " characters");
    }
}
