package dev.quizbot.slack;

import static dev.quizbot.slack.SlackTestSupport.SLACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.quizbot.chat.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import dev.quizbot.testing.TestBeans;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an app-level token the same Bolt app runs over Socket Mode: the real Socket Mode client
 * asks the fake Web API for a WebSocket URL, connects to a fake Slack on loopback, acknowledges
 * the envelopes it gets, and the HTTP endpoint is not served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({SlackTestSupport.CoreStandIns.class, TestBeans.class})
// Closed after the class, so the Socket Mode client disconnects while the fake is still up.
@DirtiesContext
class SlackSocketModeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FakeSocketModeServer SOCKET;

    static {
        try {
            SOCKET = new FakeSocketModeServer().started();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        SLACK.socketModeUrl(SOCKET.url());
        SlackTestSupport.properties(registry, FakeSlackServer.APP_TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    ScriptedChatService core;

    @Test
    void aSlashCommandOverSocketModeIsAcknowledgedAndHandled() throws Exception {
        SOCKET.awaitApp();

        SOCKET.sendEnvelope("""
                {"envelope_id":"env-ask-1","type":"slash_commands","accepts_response_payload":true,
                 "payload":{"token":"legacy","team_id":"%s","team_domain":"quizbot-test","channel_id":"C-SOCK",
                  "channel_name":"ml","user_id":"U-SOCK","user_name":"u-sock","command":"/quiz","text":"ask",
                  "api_app_id":"A0QUIZ","response_url":"%s","trigger_id":"13345224609.738474920.8088930838d88f008e0"}}
                """.formatted(FakeSlackServer.TEAM, SLACK.responseUrl("sock")));

        await().atMost(WAIT).until(() -> SOCKET.received().stream().anyMatch(m -> m.contains("\"envelope_id\":\"env-ask-1\"")));
        assertThat(await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "C-SOCK"), c -> !c.isEmpty())).hasSize(1);
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("sock"), r -> !r.isEmpty()).getFirst().param("text"))
                .contains("Question posted");
        assertThat(core.handled(Command.Ask.class)).anyMatch(h -> h.caller().userId().equals("U-SOCK"));
    }

    @Test
    void theHttpEndpointIsNotServedInSocketMode() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                        .POST(HttpRequest.BodyPublishers.ofString("command=%2Fquiz")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
