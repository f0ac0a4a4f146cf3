package dev.quizbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnswerCountEditsTest {

    record Edit(long roundId, int count) {
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Edit> edits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void showsTheFirstAnswerAtOnceAndHoldsTheRestOfABurstForTheInterval() throws InterruptedException {
        AnswerCountEdits counts = new AnswerCountEdits(scheduler, Duration.ofHours(1), this::record);

        counts.changed(1, 1);
        awaitEdits(1);
        for (int n = 2; n <= 500; n++) {
            counts.changed(1, n);
        }
        Thread.sleep(200);

        assertThat(edits).containsExactly(new Edit(1, 1));
    }

    @Test
    void endsABurstShowingTheHighestCountWithFarFewerEditsThanAnswers() throws InterruptedException {
        AnswerCountEdits counts = new AnswerCountEdits(scheduler, Duration.ofMillis(100), this::record);

        for (int n = 1; n <= 500; n++) {
            counts.changed(7, n);
        }
        counts.changed(7, 250); // a late, out-of-order event must not take the count back

        awaitLastCount(500);
        assertThat(edits.size()).isLessThan(500);
        assertThat(edits).allMatch(e -> e.roundId() == 7);
    }

    @Test
    void keepsRoundsApart() throws InterruptedException {
        AnswerCountEdits counts = new AnswerCountEdits(scheduler, Duration.ofHours(1), this::record);

        counts.changed(1, 3);
        counts.changed(2, 5);

        awaitEdits(2);
        assertThat(edits).containsExactlyInAnyOrder(new Edit(1, 3), new Edit(2, 5));
    }

    @Test
    void dropsWhatIsPendingWhenTheRoundCloses() throws InterruptedException {
        AnswerCountEdits counts = new AnswerCountEdits(scheduler, Duration.ofMillis(300), this::record);
        counts.changed(1, 1);
        awaitEdits(1);
        counts.changed(1, 2);

        counts.forget(1);
        Thread.sleep(600);

        assertThat(edits).containsExactly(new Edit(1, 1));
    }

    @Test
    void showsACountThatArrivedBeforeThePostWasKnown() throws InterruptedException {
        List<Long> known = new CopyOnWriteArrayList<>();
        AnswerCountEdits counts = new AnswerCountEdits(scheduler, Duration.ofMillis(50), (round, count) -> {
            if (known.contains(round)) {
                record(round, count);
            }
        });
        counts.changed(1, 1);
        Thread.sleep(100);
        assertThat(edits).isEmpty();

        known.add(1L);
        counts.posted(1);

        awaitLastCount(1);
    }

    private void record(long roundId, int count) {
        edits.add(new Edit(roundId, count));
    }

    private void awaitEdits(int n) throws InterruptedException {
        for (int i = 0; i < 500 && edits.size() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(edits).hasSizeGreaterThanOrEqualTo(n);
    }

    private void awaitLastCount(int count) throws InterruptedException {
        for (int i = 0; i < 500 && (edits.isEmpty() || edits.getLast().count() != count); i++) {
            Thread.sleep(10);
        }
        assertThat(edits).isNotEmpty();
        assertThat(edits.getLast().count()).isEqualTo(count);
    }
}
