package dev.quizbot.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points an application test context at the build's PostgreSQL: one database for every
 * {@link OnPostgres} class, created on first use, so they share a single cached context.
 */
public final class PostgresStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static String sharedUrl;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresServer server = PostgresServer.shared();
        TestPropertyValues.of(
                        "spring.datasource.url=" + sharedUrl(server),
                        "spring.datasource.username=" + server.username(),
                        "spring.datasource.password=")
                .applyTo(context.getEnvironment(), TestPropertyValues.Type.MAP, "quizbot-test-postgres");
    }

    private static synchronized String sharedUrl(PostgresServer server) {
        if (sharedUrl == null) {
            sharedUrl = server.newDatabase("quizbot_shared");
        }
        return sharedUrl;
    }
}
