package dev.quizbot.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * headers become a Bolt {@link Request}; Bolt verifies the signature and timestamp, dispatches,
 * and its {@link Response} goes back as is.
 */
@RestController
@Conditional(SlackHttpMode.class)
class SlackEventsController {

    /** Slack's payloads are a few kilobytes; anything far larger is not from Slack. */
    private static final int MAX_BODY = 1 << 20;

    private final App app;
    private final SlackRequestParser parser;

    SlackEventsController(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @PostMapping("/slack/events")
    ResponseEntity<String> events(HttpServletRequest http) throws Exception {
        // Read the stream, never request parameters: a form body re-encoded by the container
        // would no longer match Slack's signature.
        byte[] raw = http.getInputStream().readNBytes(MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(http.getRequestURI())
                .queryString(Map.of())
                .requestBody(new String(raw, StandardCharsets.UTF_8))
                .headers(new RequestHeaders(headers(http)))
                .remoteAddress(http.getRemoteAddr())
                .build());
        Response response = app.run(request);
        HttpHeaders headers = new HttpHeaders();
        response.getHeaders().forEach(headers::addAll);
        if (response.getContentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, response.getContentType());
        }
        return ResponseEntity.status(response.getStatusCode()).headers(headers).body(response.getBody());
    }

    private static Map<String, List<String>> headers(HttpServletRequest http) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name, Collections.list(http.getHeaders(name)));
        }
        return headers;
    }
}
