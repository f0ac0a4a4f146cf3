package dev.quizbot.schedule;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.DeliveryFailed;
import dev.quizbot.round.AnnouncementPublisher;
import dev.quizbot.round.Round;
import dev.quizbot.round.RoundService;

/**
 * Reacts when the outbox gives up a round's question post (it never reached its channel): the
 * round is withdrawn (closed without a reveal, so the channel is not held by a round nobody
 * can see, and nobody's streak breaks over it); for a scheduled round the slot is recorded as
 * failed and the schedule's owner is told why, through {@link Announcement.ScheduleFailed}.
 * The schedule itself stays: the next slot tries again.
 */
@Component
class UndeliveredPosts {

    private static final Logger log = LoggerFactory.getLogger(UndeliveredPosts.class);
    private static final int MAX_DETAIL_LENGTH = 300;

    private final RoundService rounds;
    private final ScheduleRepository schedules;
    private final AnnouncementPublisher announcements;
    private final TransactionTemplate tx;

    UndeliveredPosts(RoundService rounds, ScheduleRepository schedules, AnnouncementPublisher announcements,
                     PlatformTransactionManager transactions) {
        this.rounds = rounds;
        this.schedules = schedules;
        this.announcements = announcements;
        // Reports may come from inside another transaction's after-commit callback; a new
        // transaction keeps this work (and the owner's notice it queues) its own.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(DeliveryFailed failed) {
        String reason = failed.reason() == null || failed.reason().isBlank() ? "the chat platform refused the post"
                : failed.reason().strip().replaceAll("[.\\s]+$", "");
        try {
            tx.executeWithoutResult(status -> rounds.withdrawUndelivered(failed.roundId(), failed.channel(), reason)
                    .flatMap(Round::scheduleId)
                    .ifPresent(scheduleId -> scheduledPostFailed(scheduleId, failed.roundId(), reason)));
        } catch (RuntimeException e) {
            // the adapter that reported this must not fail because of it; the round closes on its deadline anyway
            log.error("Could not handle the failed post of round {} in {}: {}", failed.roundId(),
                    failed.channel().key(), e.toString(), e);
        }
    }

    private void scheduledPostFailed(long scheduleId, long roundId, String reason) {
        String detail = "post failed: " + reason;
        schedules.failSlotOf(roundId, detail.length() > MAX_DETAIL_LENGTH ? detail.substring(0, MAX_DETAIL_LENGTH) : detail);
        Optional<ScheduleRepository.Schedule> schedule = schedules.find(scheduleId);
        if (schedule.isEmpty()) {
            log.info("Round {} of removed schedule {} could not be posted: {}", roundId, scheduleId, reason);
            return;
        }
        announcements.publish(new Announcement.ScheduleFailed(schedule.get().channel(), scheduleId,
                schedule.get().ownerUserId(), "the question of round " + roundId + " could not be posted: "
                + reason + ". The round was closed; the schedule stays and tries again at its next slot."));
    }
}
