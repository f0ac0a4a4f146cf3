package dev.quizbot.round;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.quizbot.chat.Announcement;
import dev.quizbot.outbox.Outbox;

/**
 * Announcements go to the chat through the {@link Outbox}, written in the caller's transaction:
 * a rollback takes them back with the change, a commit keeps them until delivered, whatever
 * happens to this process. In-process observers also get each one as a Spring event once the
 * data it describes is committed.
 */
@Component
public class AnnouncementPublisher {

    private final ApplicationEventPublisher events;
    private final Outbox outbox;

    AnnouncementPublisher(ApplicationEventPublisher events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
    }

    /** Enqueues the announcement for its chat, in the caller's transaction if there is one. */
    public void publish(Announcement announcement) {
        publishAfterCommit(announcement);
        outbox.enqueue(announcement);
    }

    /** Any core event (an {@link AnswerGraded}, say) under the same after-commit rule. */
    public void publishAfterCommit(Object announcement) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    // before the outbox hands the same commit's rows to the chat
                    return 0;
                }

                @Override
                public void afterCommit() {
                    events.publishEvent(announcement);
                }
            });
        } else {
            events.publishEvent(announcement);
        }
    }
}
