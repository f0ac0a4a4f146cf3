package dev.quizbot.review;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.quizbot.round.GradeFiledListener;
import dev.quizbot.round.RoundService;

/**
 * Queues every grade the grader marked provisional (confidence below
 * {@code quizbot.grading.provisional-below}) in the grading transaction, so a provisional
 * grade is never filed without its queue item; the feedback already tells the player.
 */
@Component
class ProvisionalQueue implements GradeFiledListener {

    private static final Logger log = LoggerFactory.getLogger(ProvisionalQueue.class);

    private final ReviewRepository items;
    private final Clock clock;

    ProvisionalQueue(ReviewRepository items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    @Override
    public void filed(Filed filed) {
        if (!filed.grade().provisional()) {
            return;
        }
        if (items.queueProvisional(filed.answerId(), RoundService.communityKey(filed.round().channel()),
                filed.round().questionId(), clock.instant())) {
            log.debug("Answer {} to round {} queued for review: provisional grade (confidence {})", filed.answerId(),
                    filed.round().id(), filed.grade().confidence());
        }
    }
}
