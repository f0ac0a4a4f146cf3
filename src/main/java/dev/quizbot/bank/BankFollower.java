package dev.quizbot.bank;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the shared bank version ({@code quizbot.bank.follow-interval}, 10 s by default) so a
 * {@code reload} on one instance reaches every instance on the same database. One row read per
 * poll: cheap, and the same on H2 and PostgreSQL.
 */
@Component
class BankFollower {

    private static final Logger log = LoggerFactory.getLogger(BankFollower.class);

    private final QuestionBankService bank;

    BankFollower(QuestionBankService bank) {
        this.bank = bank;
    }

    @Scheduled(fixedDelayString = "${quizbot.bank.follow-interval:10s}",
            initialDelayString = "${quizbot.bank.follow-interval:10s}")
    void poll() {
        try {
            bank.followOtherInstances();
        } catch (RuntimeException e) {
            log.warn("Could not check whether another instance reloaded the bank; trying again on the next poll: {}",
                    e.toString());
        }
    }
}
