package dev.quizbot.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.quizbot.round.RoundService;

/**
 * The heartbeat: closes rounds past their deadline, gives rounds about to close their last
 * call, then fires due schedule slots. Off with
 * {@code quizbot.ticker.enabled=false} (tests drive time themselves).
 */
@Component
@ConditionalOnProperty(name = "quizbot.ticker.enabled", havingValue = "true", matchIfMissing = true)
class QuizTicker {

    private static final Logger log = LoggerFactory.getLogger(QuizTicker.class);

    private final RoundService rounds;
    private final ScheduleService schedules;

    QuizTicker(RoundService rounds, ScheduleService schedules) {
        this.rounds = rounds;
        this.schedules = schedules;
    }

    @Scheduled(fixedDelayString = "${quizbot.ticker.interval:1s}", initialDelayString = "${quizbot.ticker.interval:1s}")
    void tick() {
        try {
            rounds.closeDue();
            rounds.announceClosingSoon();
            schedules.fireDue();
        } catch (RuntimeException e) {
            log.error("Tick failed; retrying on the next one", e);
        }
    }
}
