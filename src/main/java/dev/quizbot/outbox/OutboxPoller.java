package dev.quizbot.outbox;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox: retries that fell due, rows left by an instance that died (their lease ran
 * out), rows committed without a kick. Off with {@code quizbot.outbox.worker.enabled=false}
 * (tests drain by hand; an instance that should never deliver).
 */
@Component
@ConditionalOnProperty(name = "quizbot.outbox.worker.enabled", havingValue = "true", matchIfMissing = true)
class OutboxPoller {

    private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final OutboxWorker worker;
    private Instant lastPurge = Instant.EPOCH;

    OutboxPoller(OutboxWorker worker) {
        this.worker = worker;
    }

    @Scheduled(fixedDelayString = "${quizbot.outbox.poll-interval:1s}", initialDelayString = "${quizbot.outbox.poll-interval:1s}")
    void poll() {
        try {
            worker.drain();
            if (Instant.now().isAfter(lastPurge.plus(PURGE_EVERY))) {
                lastPurge = Instant.now();
                worker.purge();
            }
        } catch (RuntimeException e) {
            log.error("Outbox poll failed; retrying on the next one", e);
        }
    }
}
