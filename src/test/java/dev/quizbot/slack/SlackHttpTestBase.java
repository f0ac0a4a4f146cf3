package dev.quizbot.slack;

import static dev.quizbot.slack.SlackTestSupport.SLACK;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import dev.quizbot.testing.TestBeans;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app on a random port with the Slack adapter on, pointed at the fake Slack. Every HTTP
 * test class extends this, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({SlackTestSupport.CoreStandIns.class, TestBeans.class})
abstract class SlackHttpTestBase {

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        SlackTestSupport.properties(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ScriptedChatService core;

    @Autowired
    SlackUsers users;

    SignedSlackRequests slack;

    @BeforeEach
    void connect() {
        SLACK.reset();
        core.reset();
        users.forgetCachedLookups();
        slack = new SignedSlackRequests(port);
    }
}
