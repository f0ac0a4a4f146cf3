package dev.quizbot.discord;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces answer-count changes into at most one message edit per round per interval: a burst
 * of 500 answers costs a handful of edits instead of 500 rate-limited PATCH requests. The first
 * change after a quiet interval is shown at once; later ones wait for the interval to pass and
 * are shown together, always with the highest count seen.
 */
class AnswerCountEdits implements AutoCloseable {

    /** Applies one edit; called from the scheduler thread, never concurrently for one round. */
    @FunctionalInterface
    interface Editor {
        void show(long roundId, int answerCount);
    }

    private static final Logger log = LoggerFactory.getLogger(AnswerCountEdits.class);

    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final Editor editor;
    private final Map<Long, Integer> latest = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastEditNanos = new ConcurrentHashMap<>();
    private final Map<Long, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    AnswerCountEdits(ScheduledExecutorService scheduler, Duration interval, Editor editor) {
        this.scheduler = scheduler;
        this.interval = interval;
        this.editor = editor;
    }

    void changed(long roundId, int answerCount) {
        latest.merge(roundId, answerCount, Math::max);
        pending.computeIfAbsent(roundId, id -> scheduler.schedule(() -> flush(id), delay(id), TimeUnit.NANOSECONDS));
    }

    /**
     * The question post became known: show a count that arrived before it (the core may count
     * an answer before Discord has confirmed the post).
     */
    void posted(long roundId) {
        Integer count = latest.get(roundId);
        if (count != null) {
            changed(roundId, count);
        }
    }

    /** The round closed: drop what is pending; the closing edit shows the final count. */
    void forget(long roundId) {
        ScheduledFuture<?> scheduled = pending.remove(roundId);
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        latest.remove(roundId);
        lastEditNanos.remove(roundId);
    }

    private long delay(long roundId) {
        Long last = lastEditNanos.get(roundId);
        return last == null ? 0 : Math.max(0, last + interval.toNanos() - System.nanoTime());
    }

    private void flush(long roundId) {
        // Stamp first, then unregister: a change racing with this edit schedules the next one
        // a full interval later instead of being lost.
        lastEditNanos.put(roundId, System.nanoTime());
        pending.remove(roundId);
        Integer count = latest.get(roundId);
        if (count == null) {
            return;
        }
        try {
            editor.show(roundId, count);
        } catch (RuntimeException e) {
            log.warn("Could not update the answer count of round {}: {}", roundId, e.toString());
        }
    }

    @Override
    public void close() {
        pending.values().forEach(f -> f.cancel(false));
        pending.clear();
    }
}
