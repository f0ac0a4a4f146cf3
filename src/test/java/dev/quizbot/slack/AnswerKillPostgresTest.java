package dev.quizbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.quizbot.testing.PostgresAvailable;

/**
 * One run of the crash test ({@link AnswerCrashBenchmark}) on PostgreSQL in every build: the
 * real application in a child JVM, signed Slack answers from several clients, {@code kill -9}
 * in the middle, a restart on the same database; every acknowledged answer is stored and
 * every stored one graded. The benchmark runs the 20-run version.
 */
@ExtendWith(PostgresAvailable.class)
class AnswerKillPostgresTest {

    @Test
    void nothingAcknowledgedIsLostWhenAnInstanceIsKilled() throws Exception {
        try (FakeSlackServer slack = new FakeSlackServer()) {
            AnswerCrashBenchmark.RunResult result =
                    AnswerCrashBenchmark.run(slack, 1, AnswerCrashBenchmark.postgres(), 80, 4);

            assertThat(result.acknowledged()).as("answers acknowledged before the kill").isPositive();
            assertThat(result.lost()).as("acknowledged answers lost").isZero();
            assertThat(result.ungradedLeft()).as("stored answers left ungraded after the restart").isZero();
        }
    }
}
