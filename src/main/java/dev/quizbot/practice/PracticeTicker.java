package dev.quizbot.practice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ends idle practice sessions and sends due practice reminders; off with {@code quizbot.ticker.enabled=false}. */
@Component
@ConditionalOnProperty(name = "quizbot.ticker.enabled", havingValue = "true", matchIfMissing = true)
class PracticeTicker {

    private static final Logger log = LoggerFactory.getLogger(PracticeTicker.class);

    private final PracticeService practice;

    PracticeTicker(PracticeService practice) {
        this.practice = practice;
    }

    // Minute-precision reminders need no faster beat than this.
    @Scheduled(fixedDelayString = "${quizbot.practice.tick:15s}", initialDelayString = "${quizbot.practice.tick:15s}")
    void tick() {
        try {
            practice.endIdleSessions();
            practice.sendDueReminders();
        } catch (RuntimeException e) {
            log.error("Practice tick failed; retrying on the next one", e);
        }
    }
}
