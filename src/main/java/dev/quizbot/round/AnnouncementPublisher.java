package dev.quizbot.round;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.quizbot.chat.Announcement;

/**
 * Publishes announcements only once the data they describe is committed, so an adapter never
 * shows a round, count or reveal that a rollback would take back.
 */
@Component
public class AnnouncementPublisher {

    private final ApplicationEventPublisher events;

    AnnouncementPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    public void publish(Announcement announcement) {
        publishAfterCommit(announcement);
    }

    /** Any core event (an {@link AnswerGraded}, say) under the same after-commit rule. */
    public void publishAfterCommit(Object announcement) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
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
