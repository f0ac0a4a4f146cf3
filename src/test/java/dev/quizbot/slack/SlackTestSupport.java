package dev.quizbot.slack;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The fake Slack every HTTP test talks to, and a stand-in for the core's service. */
final class SlackTestSupport {

    static final FakeSlackServer SLACK;

    static {
        try {
            SLACK = new FakeSlackServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SlackTestSupport() {
    }

    static void properties(DynamicPropertyRegistry registry) {
        properties(registry, "");
    }

    static void properties(DynamicPropertyRegistry registry, String appToken) {
        registry.add("quizbot.slack.api-url", SLACK::apiUrl);
        registry.add("quizbot.slack.bot-token", () -> FakeSlackServer.BOT_TOKEN);
        registry.add("quizbot.slack.signing-secret", () -> SignedSlackRequests.SIGNING_SECRET);
        registry.add("quizbot.slack.app-token", () -> appToken);
        registry.add("quizbot.slack.admin-user-group", () -> "S0ADMINS");
        registry.add("quizbot.slack.answer-count-interval", () -> "300ms");
        registry.add("quizbot.slack.reveal-in-thread", () -> "true");
        registry.add("quizbot.slack.alerts-channel", () -> "C-ALERTS");
        registry.add("quizbot.slack.requests-per-minute", () -> "12");
        registry.add("quizbot.console.enabled", () -> "false");
        registry.add("quizbot.ticker.enabled", () -> "false");
        // the outbox gives a post up after four tries; tests move the clock to make retries due
        registry.add("quizbot.outbox.max-attempts", () -> "4");
        registry.add("quizbot.outbox.poll-interval", () -> "100ms");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:slack-" + (appToken.isEmpty() ? "http" : "socket") + ";DB_CLOSE_DELAY=-1");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CoreStandIns {

        /** Replaces the core's service where a test needs canned replies or a slow core. */
        @Bean
        @Primary
        ScriptedChatService scriptedChatService(dev.quizbot.outbox.Outbox outbox) {
            return new ScriptedChatService(outbox);
        }
    }
}
