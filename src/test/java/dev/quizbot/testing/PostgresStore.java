package dev.quizbot.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points an application test context at the build's PostgreSQL. Each in-memory H2 database a
 * test setup names ({@code jdbc:h2:mem:quizbot-shared}, {@code jdbc:h2:mem:quizbot-web}, ...)
 * becomes one PostgreSQL database, created on first use, so test classes share data (and
 * their cached context) on PostgreSQL exactly as they do on H2.
 */
public final class PostgresStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Pattern H2_MEMORY = Pattern.compile("^jdbc:h2:mem:([^;]+)");
    private static final Map<String, String> URLS = new HashMap<>();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresServer server = PostgresServer.shared();
        String h2 = context.getEnvironment().getProperty("spring.datasource.url", "");
        Matcher name = H2_MEMORY.matcher(h2);
        String database = name.find() ? name.group(1) : "quizbot";
        TestPropertyValues.of(
                        "spring.datasource.url=" + url(server, database),
                        "spring.datasource.username=" + server.username(),
                        "spring.datasource.password=")
                .applyTo(context.getEnvironment(), TestPropertyValues.Type.MAP, "quizbot-test-postgres");
    }

    private static synchronized String url(PostgresServer server, String database) {
        return URLS.computeIfAbsent(database, server::newDatabase);
    }
}
