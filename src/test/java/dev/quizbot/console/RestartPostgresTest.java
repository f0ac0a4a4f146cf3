package dev.quizbot.console;

import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.quizbot.testing.PostgresAvailable;
import dev.quizbot.testing.PostgresServer;

/** {@link RestartTest} on PostgreSQL: restarts over one PostgreSQL database keep rounds, answers and schedules. */
@ExtendWith(PostgresAvailable.class)
class RestartPostgresTest extends RestartTest {

    /** One database per test, as the H2 file is one per test's data directory. */
    private String url;

    @Override
    List<String> storeArguments() {
        if (url == null) {
            url = PostgresServer.shared().newDatabase("console_restart");
        }
        return PostgresServer.shared().springArguments(url);
    }
}
