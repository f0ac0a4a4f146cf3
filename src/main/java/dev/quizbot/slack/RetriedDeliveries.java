package dev.quizbot.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

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
 * submitted answer is handled exactly once. Runs after the signature check, so unsigned
 * requests can't mark anything as seen. What was seen is in the database ({@code slack_delivery}),
 * so a retry that reaches another instance, or this one after a restart, is caught too.
 */
class RetriedDeliveries implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(RetriedDeliveries.class);
    /** Slack retries within minutes; a delivery key is kept well past that. */
    static final Duration KEEP = Duration.ofHours(1);
    private static final int SWEEP_EVERY = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong deliveries = new AtomicLong();

    RetriedDeliveries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String key = deliveryKey(req);
        if (key != null && !firstTime(key)) {
            log.info("Ignoring repeated Slack delivery {} (retry {})", key,
                    req.getHeaders().getFirstValue("X-Slack-Retry-Num"));
            return Response.ok();
        }
        return chain.next(req);
    }

    /** Records the delivery; false when some instance recorded it already. */
    boolean firstTime(String key) {
        Instant now = clock.instant();
        if (deliveries.incrementAndGet() % SWEEP_EVERY == 0) {
            jdbc.sql("DELETE FROM slack_delivery WHERE seen_at < ?").param(ts(now.minus(KEEP))).update();
        }
        try {
            jdbc.sql("INSERT INTO slack_delivery (delivery_key, seen_at) VALUES (?, ?)")
                    .params(key.length() > 400 ? key.substring(0, 400) : key, ts(now)).update();
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
