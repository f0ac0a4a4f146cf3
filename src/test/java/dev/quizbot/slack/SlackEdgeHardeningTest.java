package dev.quizbot.slack;

import static dev.quizbot.slack.SlackTestSupport.SLACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.chat.Command;

/**
 * The HTTP edge against what is not a normal Slack request: unsigned or oversized bodies,
 * signed nonsense, clocks far off, retries reaching another instance, and admins demoted a
 * moment ago.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackEdgeHardeningTest extends SlackHttpTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private static SignedSlackRequests.Outgoing unsigned(String body) {
        return new SignedSlackRequests.Outgoing("application/x-www-form-urlencoded", body,
                Instant.now().getEpochSecond(), "v0=" + "0".repeat(64), Map.of());
    }

    @Test
    void anUnsignedBodyIsRefusedWith401BeforeItIsParsedOrLogged(CapturedOutput output) throws Exception {
        String marker = "UNSIGNEDMARKER" + "A".repeat(20_000);

        HttpResponse<String> response = slack.send(unsigned("payload=" + marker));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(output.getAll()).doesNotContain("UNSIGNEDMARKER");
        assertThat(core.handled()).isEmpty();
    }

    @Test
    void aBodyLargerThanAnySlackPayloadIsRefusedUnread() throws Exception {
        var big = slack.sign("application/x-www-form-urlencoded", "payload=" + "B".repeat(300 * 1024), Instant.now());

        assertThat(slack.send(big).statusCode()).isEqualTo(413);
        assertThat(core.handled()).isEmpty();
    }

    @Test
    void signedMalformedPayloadsGet400WithoutAStackTrace(CapturedOutput output) throws Exception {
        String noView = "{\"type\":\"view_submission\",\"team\":{\"id\":\"" + FakeSlackServer.TEAM + "\"},"
                + "\"user\":{\"id\":\"U1\"},\"api_app_id\":\"A0QUIZ\"}";
        for (String body : new String[] {"payload=notjson", "payload=%5B1%2C2%5D",
                "payload=" + java.net.URLEncoder.encode(noView, java.nio.charset.StandardCharsets.UTF_8)}) {
            HttpResponse<String> response = slack.send(slack.sign("application/x-www-form-urlencoded", body, Instant.now()));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        assertThat(output.getAll()).doesNotContain("Exception:", "\tat com.slack", "notjson");
        assertThat(core.handled()).isEmpty();
    }

    @Test
    void aRequestSignedMoreThanFiveMinutesAheadIsRejected() throws Exception {
        var fresh = slack.slashCommand("U1", "C1", "stats", SLACK.responseUrl("future"));
        var future = slack.sign(fresh.contentType(), fresh.body(), Instant.now().plus(Duration.ofMinutes(5).plusSeconds(30)));

        assertThat(slack.send(future).statusCode()).isEqualTo(401);
        assertThat(core.handled()).isEmpty();
    }

    @Test
    void aDeliverySeenByOneInstanceIsRecognisedByAnotherOrAfterARestart() throws Exception {
        var ask = slack.slashCommand("U1", "C-SEEN", "stats", SLACK.responseUrl("seen"));
        slack.send(ask);
        await().atMost(WAIT).until(() -> SLACK.responses("seen"), r -> !r.isEmpty());

        String key = jdbc.sql("SELECT delivery_key FROM slack_delivery WHERE delivery_key LIKE 'command:%'"
                        + " ORDER BY seen_at DESC, delivery_key").query(String.class).list().stream()
                .filter(k -> ask.body().contains(k.substring("command:".length()))).findFirst().orElseThrow();
        // a fresh instance, with nothing in memory, knows it from the database
        assertThat(new RetriedDeliveries(jdbc, clock).firstTime(key)).isFalse();
        assertThat(new RetriedDeliveries(jdbc, clock).firstTime("command:never-seen-" + System.nanoTime())).isTrue();
    }

    @Test
    void anAdminDemotedInSlackLosesAdminRightsAtTheirNextAdminCommand() throws Exception {
        SLACK.admins(Set.of("U-DEMOTED"));
        slack.send(slack.slashCommand("U-DEMOTED", "C1", "schedule set daily 09:00 UTC", SLACK.responseUrl("d1")));
        await().atMost(WAIT).until(() -> SLACK.responses("d1"), r -> !r.isEmpty());
        assertThat(core.handled(Command.ScheduleSet.class).getFirst().caller().admin()).isTrue();

        // demoted in Slack; nothing tells quizbot, and no cache is cleared
        SLACK.admins(Set.of());
        slack.send(slack.slashCommand("U-DEMOTED", "C1", "schedule remove 7", SLACK.responseUrl("d2")));
        await().atMost(WAIT).until(() -> SLACK.responses("d2"), r -> !r.isEmpty());

        assertThat(core.handled(Command.ScheduleRemove.class).getFirst().caller().admin()).isFalse();
    }
}
