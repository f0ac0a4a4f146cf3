package dev.quizbot.round;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, grades the answers a crash left stored but ungraded, once the adapters are up
 * to tell their players.
 */
@Component
class UngradedAnswers {

    private final RoundService rounds;

    UngradedAnswers(RoundService rounds) {
        this.rounds = rounds;
    }

    @EventListener(ApplicationReadyEvent.class)
    void gradeLeftovers() {
        rounds.gradeUngraded();
    }
}
