package dev.quizbot.slack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.quizbot.chat.ChannelRef;

/**
 * Folds a burst of answer-count changes into one message edit per interval and round: the
 * first change schedules an edit, later ones only raise the count that edit will show. Keeps a
 * popular question well inside Slack's {@code chat.update} rate limit.
 */
class AnswerCountCoalescer {

    /** One pending edit: the newest count seen for a round. */
    record Edit(ChannelRef channel, long roundId, int answerCount) {
    }

    /** Runs a task after a delay: a scheduler in production, a list in tests. */
    @FunctionalInterface
    interface Delayer {
        void after(Duration delay, Runnable task);
    }

    private final Map<Long, Edit> pending = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> scheduled = new ConcurrentHashMap<>();
    private final Delayer delayer;
    private final Duration interval;
    private final Consumer<Edit> editor;

    AnswerCountCoalescer(Delayer delayer, Duration interval, Consumer<Edit> editor) {
        this.delayer = delayer;
        this.interval = interval;
        this.editor = editor;
    }

    void changed(ChannelRef channel, long roundId, int answerCount) {
        pending.merge(roundId, new Edit(channel, roundId, answerCount),
                (old, now) -> old.answerCount() >= now.answerCount() ? old : now);
        if (scheduled.putIfAbsent(roundId, Boolean.TRUE) == null) {
            delayer.after(interval, () -> flush(roundId));
        }
    }

    /** The round closed: the close edit shows the final state, so drop what is pending. */
    void forget(long roundId) {
        pending.remove(roundId);
    }

    private void flush(long roundId) {
        // Unmark first: a change arriving from here on schedules a new flush instead of being lost.
        scheduled.remove(roundId);
        Edit edit = pending.remove(roundId);
        if (edit != null) {
            editor.accept(edit);
        }
    }
}
