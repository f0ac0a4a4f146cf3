package dev.quizbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.quizbot.chat.ChannelRef;
import org.junit.jupiter.api.Test;

class AnswerCountCoalescerTest {

    private static final ChannelRef CHANNEL = new ChannelRef("slack", "T1", "C1");

    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<AnswerCountCoalescer.Edit> edits = new ArrayList<>();
    private final AnswerCountCoalescer coalescer =
            new AnswerCountCoalescer((delay, task) -> scheduled.add(task), Duration.ofSeconds(5), edits::add);

    @Test
    void aBurstOfChangesBecomesOneEditShowingTheNewestCount() {
        coalescer.changed(CHANNEL, 1, 1);
        coalescer.changed(CHANNEL, 1, 2);
        coalescer.changed(CHANNEL, 1, 3);

        assertThat(scheduled).hasSize(1);
        scheduled.getFirst().run();

        assertThat(edits).containsExactly(new AnswerCountCoalescer.Edit(CHANNEL, 1, 3));
    }

    @Test
    void countsArrivingOutOfOrderNeverMakeTheCountGoBack() {
        coalescer.changed(CHANNEL, 1, 4);
        coalescer.changed(CHANNEL, 1, 3);

        scheduled.getFirst().run();

        assertThat(edits).extracting(AnswerCountCoalescer.Edit::answerCount).containsExactly(4);
    }

    @Test
    void aChangeAfterAnEditSchedulesTheNextEdit() {
        coalescer.changed(CHANNEL, 1, 1);
        scheduled.getFirst().run();

        coalescer.changed(CHANNEL, 1, 2);

        assertThat(scheduled).hasSize(2);
        scheduled.get(1).run();
        assertThat(edits).extracting(AnswerCountCoalescer.Edit::answerCount).containsExactly(1, 2);
    }

    @Test
    void roundsAreCoalescedSeparately() {
        coalescer.changed(CHANNEL, 1, 1);
        coalescer.changed(CHANNEL, 2, 5);

        scheduled.forEach(Runnable::run);

        assertThat(edits).extracting(AnswerCountCoalescer.Edit::roundId).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void aClosedRoundDropsItsPendingEdit() {
        coalescer.changed(CHANNEL, 1, 2);

        coalescer.forget(1);
        scheduled.getFirst().run();

        assertThat(edits).isEmpty();
    }
}
