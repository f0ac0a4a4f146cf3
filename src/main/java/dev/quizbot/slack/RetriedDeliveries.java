package dev.quizbot.slack;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges a delivery Slack has already sent once (a retry after a slow answer, marked
 * {@code X-Slack-Retry-Num}, or a duplicate) without doing the work again, so one click or one
 * submitted answer is handled exactly once. Runs after Bolt's signature check, so unsigned
 * requests can't mark anything as seen.
 */
class RetriedDeliveries implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(RetriedDeliveries.class);

    private final Cache<String, Boolean> seen = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(30)).maximumSize(100_000).build();

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String key = deliveryKey(req);
        if (key != null && seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
            log.info("Ignoring repeated Slack delivery {} (retry {})", key,
                    req.getHeaders().getFirstValue("X-Slack-Retry-Num"));
            return Response.ok();
        }
        return chain.next(req);
    }

    /** What stays the same when Slack sends the same thing again. */
    static String deliveryKey(Request<?> req) {
        return switch (req) {
            case SlashCommandRequest r -> "command:" + r.getPayload().getTriggerId();
            case BlockActionRequest r -> "action:" + r.getPayload().getTriggerId();
            case ViewSubmissionRequest r -> "view:" + r.getPayload().getView().getId() + ":" + r.getPayload().getView().getHash();
            case EventRequest r -> eventId(r.getRequestBodyAsString());
            default -> null;
        };
    }

    private static String eventId(String body) {
        JsonElement id = JsonParser.parseString(body).getAsJsonObject().get("event_id");
        return id == null || id.isJsonNull() ? null : "event:" + id.getAsString();
    }
}
