package dev.quizbot.round;

import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.quizbot.testing.PostgresAvailable;
import dev.quizbot.testing.PostgresServer;

/** {@link UngradedAnswersTest} on PostgreSQL: an answer stored but never graded is graded after a restart. */
@ExtendWith(PostgresAvailable.class)
class UngradedAnswersPostgresTest extends UngradedAnswersTest {

    /** One database per test, as the H2 file is one per test's data directory. */
    private String url;

    @Override
    List<String> storeArguments() {
        if (url == null) {
            url = PostgresServer.shared().newDatabase("round_restart");
        }
        return PostgresServer.shared().springArguments(url);
    }
}
