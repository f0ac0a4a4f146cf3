package dev.quizbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboxPropertiesTest {

    private static OutboxProperties properties(int maxAttempts, Duration lease) {
        return new OutboxProperties(Duration.ofSeconds(1), lease, maxAttempts, Duration.ofSeconds(2),
                Duration.ofMinutes(5), 50, Duration.ofDays(7));
    }

    @Test
    void theBackoffDoublesFromTheInitialWaitUpToTheMaximum() {
        OutboxProperties p = properties(8, Duration.ofMinutes(2));

        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.backoff(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(p.backoff(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.backoff(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheirName() {
        assertThatThrownBy(() -> properties(0, Duration.ofMinutes(2)))
                .hasMessageContaining("quizbot.outbox.max-attempts");
        assertThatThrownBy(() -> properties(8, Duration.ofSeconds(1)))
                .hasMessageContaining("quizbot.outbox.lease");
    }
}
