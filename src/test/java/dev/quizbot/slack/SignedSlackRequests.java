package dev.quizbot.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.slack.api.app_backend.SlackSignature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds requests the way Slack sends them to {@code /slack/events} (form-encoded slash
 * commands, {@code payload=} JSON for interactivity, JSON for events), signed with the SDK's v0
 * signature generator, and posts them over real HTTP.
 */
final class SignedSlackRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SlackSignature.Generator signer = new SlackSignature.Generator(SIGNING_SECRET);
    private final String endpoint;

    SignedSlackRequests(int port) {
        this.endpoint = "http://127.0.0.1:" + port + "/slack/events";
    }

    /** A signed request, with what can be changed before sending. */
    record Outgoing(String contentType, String body, long timestamp, String signature, Map<String, String> extraHeaders) {

        Outgoing withBody(String tampered) {
            return new Outgoing(contentType, tampered, timestamp, signature, extraHeaders);
        }

        Outgoing retried(int retryNum) {
            var headers = new LinkedHashMap<>(extraHeaders);
            headers.put("X-Slack-Retry-Num", Integer.toString(retryNum));
            headers.put("X-Slack-Retry-Reason", "http_timeout");
            return new Outgoing(contentType, body, timestamp, signature, headers);
        }
    }

    Outgoing slashCommand(String userId, String channelId, String text, String responseUrl) {
        return slashCommand(FakeSlackServer.TEAM, userId, channelId, text, responseUrl);
    }

    /** A slash command from a given workspace. */
    Outgoing slashCommand(String teamId, String userId, String channelId, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", teamId);
        form.put("team_domain", "quizbot-test");
        form.put("channel_id", channelId);
        form.put("channel_name", "ml-interviews");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", "/quiz");
        form.put("text", text);
        form.put("api_app_id", "A0QUIZ");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId());
        return sign("application/x-www-form-urlencoded", formEncode(form), Instant.now());
    }

    /** A press of a button on an ephemeral reply, answered through {@code responseUrl}. */
    Outgoing ephemeralButton(String userId, String channelId, String actionId, String value, String responseUrl) {
        String payload = """
                {"type":"block_actions","user":{"id":"%s","username":"%s","name":"%s","team_id":"%s"},
                 "api_app_id":"A0QUIZ","token":"legacy-verification-token",
                 "container":{"type":"message","message_ts":"1700000000.9","channel_id":"%s","is_ephemeral":true},
                 "trigger_id":"%s","team":{"id":"%s","domain":"quizbot-test"},
                 "channel":{"id":"%s","name":"ml-interviews"},
                 "response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"b1","text":{"type":"plain_text","text":"Press"},
                             "value":"%s","type":"button","action_ts":"1700000000.1"}]}
                """.formatted(userId, userId.toLowerCase(), userId.toLowerCase(), FakeSlackServer.TEAM, channelId,
                triggerId(), FakeSlackServer.TEAM, channelId, responseUrl, actionId, value);
        return sign("application/x-www-form-urlencoded", "payload=" + encode(payload), Instant.now());
    }

    Outgoing answerButton(String userId, String channelId, long roundId, String messageTs) {
        String payload = """
                {"type":"block_actions","user":{"id":"%s","username":"%s","name":"%s","team_id":"%s"},
                 "api_app_id":"A0QUIZ","token":"legacy-verification-token",
                 "container":{"type":"message","message_ts":"%s","channel_id":"%s","is_ephemeral":false},
                 "trigger_id":"%s","team":{"id":"%s","domain":"quizbot-test"},
                 "channel":{"id":"%s","name":"ml-interviews"},
                 "message":{"type":"message","ts":"%s","text":"Quiz question"},
                 "response_url":"https://hooks.slack.invalid/actions/T/1/x",
                 "actions":[{"action_id":"quiz_answer","block_id":"b1","text":{"type":"plain_text","text":"Answer"},
                             "value":"%d","style":"primary","type":"button","action_ts":"1700000000.1"}]}
                """.formatted(userId, userId.toLowerCase(), userId.toLowerCase(), FakeSlackServer.TEAM, messageTs,
                channelId, triggerId(), FakeSlackServer.TEAM, channelId, messageTs, roundId);
        return sign("application/x-www-form-urlencoded", "payload=" + encode(payload), Instant.now());
    }

    Outgoing answerSubmission(String userId, String viewId, String privateMetadata, String answer) {
        String payload = """
                {"type":"view_submission","team":{"id":"%s","domain":"quizbot-test"},
                 "user":{"id":"%s","username":"%s","name":"%s","team_id":"%s"},
                 "api_app_id":"A0QUIZ","token":"legacy-verification-token","trigger_id":"%s",
                 "view":{"id":"%s","team_id":"%s","type":"modal","callback_id":"quiz_answer_modal",
                         "private_metadata":%s,"hash":"156772938.1827394","root_view_id":"%s",
                         "title":{"type":"plain_text","text":"Your answer"},
                         "blocks":[],
                         "state":{"values":{"answer_block":{"answer":{"type":"plain_text_input","value":%s}}}}},
                 "response_urls":[],"is_enterprise_install":false}
                """.formatted(FakeSlackServer.TEAM, userId, userId.toLowerCase(), userId.toLowerCase(),
                FakeSlackServer.TEAM, triggerId(), viewId, FakeSlackServer.TEAM, quote(privateMetadata), viewId,
                quote(answer));
        return sign("application/x-www-form-urlencoded", "payload=" + encode(payload), Instant.now());
    }

    Outgoing appealSubmission(String userId, String viewId, String privateMetadata, String reason) {
        String payload = """
                {"type":"view_submission","team":{"id":"%s","domain":"quizbot-test"},
                 "user":{"id":"%s","username":"%s","name":"%s","team_id":"%s"},
                 "api_app_id":"A0QUIZ","token":"legacy-verification-token","trigger_id":"%s",
                 "view":{"id":"%s","team_id":"%s","type":"modal","callback_id":"quiz_appeal_modal",
                         "private_metadata":%s,"hash":"156772938.1827394","root_view_id":"%s",
                         "title":{"type":"plain_text","text":"Appeal your grade"},
                         "blocks":[],
                         "state":{"values":{"appeal_block":{"reason":{"type":"plain_text_input","value":%s}}}}},
                 "response_urls":[],"is_enterprise_install":false}
                """.formatted(FakeSlackServer.TEAM, userId, userId.toLowerCase(), userId.toLowerCase(),
                FakeSlackServer.TEAM, triggerId(), viewId, FakeSlackServer.TEAM, quote(privateMetadata), viewId,
                quote(reason));
        return sign("application/x-www-form-urlencoded", "payload=" + encode(payload), Instant.now());
    }

    Outgoing appHomeOpened(String userId, String eventId) {
        String body = """
                {"token":"legacy-verification-token","team_id":"%s","api_app_id":"A0QUIZ",
                 "event":{"type":"app_home_opened","user":"%s","channel":"D0HOME","tab":"home","event_ts":"1700000000.2"},
                 "type":"event_callback","event_id":"%s","event_time":1700000000,
                 "authorizations":[{"enterprise_id":null,"team_id":"%s","user_id":"UBOT","is_bot":true}]}
                """.formatted(FakeSlackServer.TEAM, userId, eventId, FakeSlackServer.TEAM);
        return sign("application/json", body, Instant.now());
    }

    Outgoing sign(String contentType, String body, Instant at) {
        long timestamp = at.getEpochSecond();
        return new Outgoing(contentType, body, timestamp, signer.generate(Long.toString(timestamp), body), Map.of());
    }

    HttpResponse<String> send(Outgoing request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", request.contentType())
                .header("X-Slack-Request-Timestamp", Long.toString(request.timestamp()))
                .header("X-Slack-Signature", request.signature())
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        request.extraHeaders().forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String triggerId() {
        return "1337." + UUID.randomUUID().toString().replace("-", "");
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        return JSON.writeValueAsString(value);
    }
}
