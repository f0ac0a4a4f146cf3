package dev.quizbot.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.ChannelRef;

/**
 * The entry point: what the chat must see is enqueued here, inside the transaction of the
 * change it shows, so both commit or neither does. Right after commit the rows are handed to
 * this instance's {@link OutboxWorker}; should that never happen (a crash), any instance's
 * poll finds them. Answer-count edits coalesce: a round has at most one pending.
 */
@Service
public class Outbox {

    /** Fits one message on every platform (Discord's limit is 2,000). */
    public static final int MAX_NOTICE_LENGTH = 1_900;

    private final OutboxRepository rows;
    private final Payloads payloads;
    private final OutboxWorker worker;
    private final Clock clock;

    Outbox(OutboxRepository rows, Payloads payloads, OutboxWorker worker, Clock clock) {
        this.rows = rows;
        this.payloads = payloads;
        this.worker = worker;
        this.clock = clock;
    }

    /** Enqueues an announcement, joining the caller's transaction if there is one; returns the row id. */
    public long enqueue(Announcement announcement) {
        ChannelRef channel = announcement.channel();
        String payload = payloads.write(announcement);
        String kind = Payloads.kind(announcement);
        Long roundId = roundOf(announcement).orElse(null);
        long id;
        if (announcement instanceof Announcement.AnswerCountChanged changed) {
            String key = countKey(changed.roundId());
            Optional<Long> pending = rows.coalesce(key, payload);
            if (pending.isPresent()) {
                id = pending.get();
            } else {
                try {
                    id = rows.insert(channel.platform(), channel.key(), kind, roundId, payload, key, clock.instant());
                } catch (DuplicateKeyException raced) {
                    // only outside a round's lock (a stand-in core): the other insert holds the newest count or will
                    id = rows.coalesce(key, payload).orElseThrow(() -> raced);
                }
            }
        } else {
            if (announcement instanceof Announcement.RoundClosed closed) {
                // the close edit shows the final count: a pending count edit would only hold the reveal up
                rows.cancelPending(countKey(closed.reveal().roundId()));
            }
            id = rows.insert(channel.platform(), channel.key(), kind, roundId, payload, null, clock.instant());
        }
        deliverAfterCommit(new OutboxWorker.Kick(id, channel.platform(),
                announcement instanceof Announcement.AnswerCountChanged));
        return id;
    }

    /**
     * A private message for one person (a regrade, say): a direct message on Slack and Discord,
     * their own session in the console. Joins the caller's transaction.
     */
    public long enqueuePrivateNotice(ChannelRef channel, String userId, String text) {
        if (userId == null || userId.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a private notice needs a user and a text");
        }
        if (text.length() > MAX_NOTICE_LENGTH) {
            throw new IllegalArgumentException("a private notice may have at most " + MAX_NOTICE_LENGTH
                    + " characters, not " + text.length());
        }
        return enqueue(new Announcement.PrivateNotice(channel, userId, text));
    }

    /**
     * Cancels what a round still has pending (its question never reached the channel, so no
     * count edit or reveal may follow). Joins the caller's transaction.
     */
    public int cancelRound(long roundId) {
        return rows.cancelRound(roundId);
    }

    /** The platform's id of the round's question post, once delivered. */
    public Optional<String> postMessageId(long roundId) {
        return rows.postMessageId(roundId);
    }

    private static String countKey(long roundId) {
        return "answer-count:" + roundId;
    }

    static Optional<Long> roundOf(Announcement announcement) {
        return switch (announcement) {
            case Announcement.RoundOpened opened -> Optional.of(opened.question().roundId());
            case Announcement.AnswerCountChanged changed -> Optional.of(changed.roundId());
            case Announcement.ClosingSoon soon -> Optional.of(soon.question().roundId());
            case Announcement.RoundClosed closed -> Optional.of(closed.reveal().roundId());
            // private messages are not shown in the channel: they wait for nothing and nothing waits for them
            case Announcement.PracticeReminder reminder -> Optional.empty();
            case Announcement.LateGrade late -> Optional.empty();
            case Announcement.PrivateNotice notice -> Optional.empty();
            case Announcement.ScheduleFailed failed -> Optional.empty();
        };
    }

    private void deliverAfterCommit(OutboxWorker.Kick kick) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            worker.kick(List.of(kick));
            return;
        }
        // Synchronizations are scoped to the transaction (a REQUIRES_NEW one gets its own), so
        // the rows of each transaction are handed over at its own commit.
        KickAfterCommit pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(KickAfterCommit.class::isInstance).map(KickAfterCommit.class::cast)
                .filter(k -> !k.fired).findFirst().orElse(null);
        if (pending == null) {
            pending = new KickAfterCommit();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (!pending.kicks.contains(kick)) {
            pending.kicks.add(kick);
        }
    }

    /** Hands a transaction's rows to the worker once they are committed; a rollback drops them with the rows. */
    private final class KickAfterCommit implements TransactionSynchronization {
        private final List<OutboxWorker.Kick> kicks = new ArrayList<>();
        private volatile boolean fired;

        @Override
        public int getOrder() {
            // after in-process listeners of the same commit, which may still withdraw a round
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void afterCommit() {
            fired = true;
            worker.kick(List.copyOf(kicks));
        }
    }
}
