package dev.quizbot.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.slack.api.app_backend.SlackSignature;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one HTTP endpoint Slack calls for slash commands, interactivity and events. Bridges Spring
 * MVC to Bolt: the raw body (read as sent, since the signature covers its exact bytes) and the
 * headers become a Bolt {@link Request}; Bolt dispatches and its {@link Response} goes back as is.
 *
 * <p>Nothing is parsed or logged before the signature is verified here, with Bolt's verifier,
 * and the timestamp is within five minutes either way: an unsigned body costs one HMAC and a
 * 401. A signed body that is not a payload Slack would send gets 400. Bodies are never logged.
 */
@RestController
@Conditional(SlackHttpMode.class)
class SlackEventsController {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);
    /** Slack's payloads are a few kilobytes (a message with its blocks at most some tens). */
    static final int MAX_BODY = 256 * 1024;
    /** How far a request's timestamp may be from now, in the past or in the future. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature.Verifier verifier;
    private final Clock clock;

    SlackEventsController(App app, SlackProperties properties) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(properties.signingSecret()));
        // The wall clock, not the core's: the skew is between Slack's clock and this machine's.
        this.clock = Clock.systemUTC();
    }

    @PostMapping("/slack/events")
    ResponseEntity<String> events(HttpServletRequest http) throws Exception {
        if (http.getContentLengthLong() > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        // Read the stream, never request parameters: a form body re-encoded by the container
        // would no longer match Slack's signature.
        byte[] raw = http.getInputStream().readNBytes(MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        String timestamp = http.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = http.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (!fresh(timestamp) || !verifier.isValid(timestamp, body, signature, clock.millis())) {
            log.info("Slack request refused: missing or invalid signature or timestamp");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(http.getRequestURI())
                    .queryString(Map.of())
                    .requestBody(body)
                    .headers(new RequestHeaders(headers(http)))
                    .remoteAddress(http.getRemoteAddr())
                    .build());
        } catch (RuntimeException e) {
            return malformed(e);
        }
        Optional<String> problem = SlackPayloads.problem(request);
        if (problem.isPresent()) {
            log.info("Signed Slack request refused as malformed: {}", problem.get());
            return ResponseEntity.badRequest().body("malformed payload");
        }
        Response response = app.run(request);
        HttpHeaders headers = new HttpHeaders();
        response.getHeaders().forEach(headers::addAll);
        if (response.getContentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, response.getContentType());
        }
        return ResponseEntity.status(response.getStatusCode()).headers(headers).body(response.getBody());
    }

    /** A timestamp in whole seconds within {@link #MAX_SKEW} of now, before or after. */
    private boolean fresh(String timestamp) {
        if (timestamp == null) {
            return false;
        }
        try {
            long seconds = Long.parseLong(timestamp.strip());
            return Math.abs(clock.instant().getEpochSecond() - seconds) <= MAX_SKEW.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ResponseEntity<String> malformed(RuntimeException e) {
        // The class only: parser messages quote the body.
        log.info("Signed Slack request refused as malformed: {}", e.getClass().getSimpleName());
        return ResponseEntity.badRequest().body("malformed payload");
    }

    private static Map<String, List<String>> headers(HttpServletRequest http) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name, Collections.list(http.getHeaders(name)));
        }
        return headers;
    }
}
