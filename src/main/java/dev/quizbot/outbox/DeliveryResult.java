package dev.quizbot.outbox;

import java.time.Duration;
import java.util.Optional;

/** What a {@link DeliveryPort} made of one delivery. */
public sealed interface DeliveryResult {

    /** Shown. {@code platformMessageId}: the message it created, recorded on the row. */
    record Delivered(Optional<String> platformMessageId) implements DeliveryResult {
        public static Delivered done() {
            return new Delivered(Optional.empty());
        }

        public static Delivered as(String platformMessageId) {
            return new Delivered(Optional.ofNullable(platformMessageId));
        }
    }

    /**
     * Not now (rate-limited, platform unreachable): try again, not before {@code retryAfter}
     * when the platform said so ({@code Retry-After}); empty: after the worker's own backoff.
     */
    record RetryLater(Optional<Duration> retryAfter, String reason) implements DeliveryResult {
        public static RetryLater after(Duration retryAfter, String reason) {
            return new RetryLater(Optional.ofNullable(retryAfter), reason);
        }

        public static RetryLater backoff(String reason) {
            return new RetryLater(Optional.empty(), reason);
        }
    }

    /** Will never work (channel gone, permission missing): give up now. {@code reason} is for an admin. */
    record Failed(String reason) implements DeliveryResult {
    }
}
