package dev.quizbot.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quizbot.outbox.*}.
 *
 * @param pollInterval how often the worker looks for due rows (retries, rows of a dead instance)
 * @param lease how long a claimed row is this instance's; after that another instance may deliver it
 * @param maxAttempts tries before a row is given up (a question post: its round is withdrawn)
 * @param initialBackoff wait after the first failed try, doubled on each further one...
 * @param maxBackoff ...up to this; a longer {@code Retry-After} from the platform is still honoured
 * @param batchSize rows claimed at once
 * @param retention delivered, given-up and cancelled rows are deleted after this long
 */
@ConfigurationProperties("quizbot.outbox")
public record OutboxProperties(@DefaultValue("1s") Duration pollInterval,
                               @DefaultValue("2m") Duration lease,
                               @DefaultValue("8") int maxAttempts,
                               @DefaultValue("2s") Duration initialBackoff,
                               @DefaultValue("5m") Duration maxBackoff,
                               @DefaultValue("50") int batchSize,
                               @DefaultValue("7d") Duration retention) {

    public OutboxProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("quizbot.outbox.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("quizbot.outbox.batch-size must be at least 1, not " + batchSize);
        }
        if (lease.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("quizbot.outbox.lease must be at least 10s (a delivery must fit in it), not "
                    + lease);
        }
    }

    /** The wait before try {@code attempt + 1}: doubling from {@link #initialBackoff}, capped. */
    Duration backoff(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
