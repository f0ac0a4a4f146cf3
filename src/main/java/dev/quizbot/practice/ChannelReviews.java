package dev.quizbot.practice;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.quizbot.round.AnswerGraded;
import dev.quizbot.round.RoundService;

/**
 * Channel-round answers feed the player's practice cards: a miss (Again) makes the question
 * due in practice within minutes, a right answer pushes it out. Runs after the answer is
 * committed and never fails the round: a problem here is logged and the round goes on.
 */
@Component
class ChannelReviews {

    private static final Logger log = LoggerFactory.getLogger(ChannelReviews.class);

    private final PracticeService practice;
    private final PracticeProperties properties;
    private final TransactionTemplate tx;

    ChannelReviews(PracticeService practice, PracticeProperties properties, PlatformTransactionManager transactions) {
        this.practice = practice;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
    }

    @EventListener
    void on(AnswerGraded graded) {
        try {
            Rating rating = Ratings.of(graded.grade(), Optional.empty(), properties);
            tx.executeWithoutResult(status -> practice.review(RoundService.communityKey(graded.channel()),
                    graded.userId(), graded.question(), graded.grade(), rating, PracticeService.CHANNEL,
                    graded.text(), graded.answeredAt()));
        } catch (RuntimeException e) {
            log.warn("Channel answer of {} to {} not fed to practice: {}", graded.userId(), graded.question().id(),
                    e.toString());
        }
    }
}
