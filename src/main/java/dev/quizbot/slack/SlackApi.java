package dev.quizbot.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Web API with the bot token and turns Slack's failure modes into a
 * {@link SlackCall}: rate limits (HTTP 429 with {@code Retry-After}, or {@code ratelimited}) and
 * network errors are retried a few times; permanent errors come back to the caller to report.
 * Runs on virtual threads, so waiting out a rate limit holds up only that one call.
 */
class SlackApi {

    private static final Logger log = LoggerFactory.getLogger(SlackApi.class);
    private static final int ATTEMPTS = 4;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Duration NETWORK_BACKOFF = Duration.ofSeconds(1);

    @FunctionalInterface
    interface Method<T extends SlackApiTextResponse> {
        T call(MethodsClient client) throws IOException, SlackApiException;
    }

    private final MethodsClient client;
    private final MeterRegistry meters;

    SlackApi(MethodsClient client, MeterRegistry meters) {
        this.client = client;
        this.meters = meters;
    }

    /** Counts calls by method and outcome ("ok" or Slack's error code) as {@code quizbot.slack.api.calls}. */
    <T extends SlackApiTextResponse> SlackCall<T> call(String method, Method<T> request) {
        SlackCall<T> outcome = attempt(method, request);
        String result = outcome instanceof SlackCall.Failed<T>(String error) ? error : "ok";
        meters.counter("quizbot.slack.api.calls", "method", method, "outcome", result).increment();
        return outcome;
    }

    /**
     * One try, no waiting: a rate limit comes back as {@link SlackCall.RateLimited} with Slack's
     * {@code Retry-After}, for the outbox to retry when it is due (possibly on another instance).
     */
    <T extends SlackApiTextResponse> SlackCall<T> callOnce(String method, Method<T> request) {
        SlackCall<T> outcome = once(method, request);
        String result = switch (outcome) {
            case SlackCall.Ok<T> ok -> "ok";
            case SlackCall.RateLimited<T> limited -> "ratelimited";
            case SlackCall.Failed<T>(String error) -> error;
        };
        meters.counter("quizbot.slack.api.calls", "method", method, "outcome", result).increment();
        return outcome;
    }

    private <T extends SlackApiTextResponse> SlackCall<T> once(String method, Method<T> request) {
        try {
            T response = request.call(client);
            if (response.isOk()) {
                return new SlackCall.Ok<>(response);
            }
            if ("ratelimited".equals(response.getError())) {
                return new SlackCall.RateLimited<>(retryAfterUncapped(header(response.getHttpResponseHeaders())));
            }
            log.warn("Slack {} failed: {}", method, response.getError());
            return new SlackCall.Failed<>(response.getError());
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                return new SlackCall.RateLimited<>(retryAfterUncapped(e.getResponse().header("Retry-After")));
            }
            String error = e.getError() != null && e.getError().getError() != null
                    ? e.getError().getError() : "http_" + e.getResponse().code();
            log.warn("Slack {} failed: {}", method, error);
            return new SlackCall.Failed<>(error);
        } catch (IOException e) {
            log.info("Slack {} could not connect: {}", method, e.getMessage());
            return new SlackCall.Failed<>("io_error");
        }
    }

    private static String header(Map<String, List<String>> headers) {
        List<String> values = headers == null ? null : headers.get("retry-after");
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Retry-After in seconds as Slack sent it (at least 1 s); the outbox waits that long however long it is. */
    static Duration retryAfterUncapped(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private <T extends SlackApiTextResponse> SlackCall<T> attempt(String method, Method<T> request) {
        String error = "unknown_error";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Duration wait;
            try {
                T response = request.call(client);
                if (response.isOk()) {
                    return new SlackCall.Ok<>(response);
                }
                error = response.getError();
                if (!"ratelimited".equals(error)) {
                    log.warn("Slack {} failed: {}", method, error);
                    return new SlackCall.Failed<>(error);
                }
                wait = retryAfter(response.getHttpResponseHeaders());
            } catch (SlackApiException e) {
                if (e.getResponse().code() != 429) {
                    error = e.getError() != null && e.getError().getError() != null
                            ? e.getError().getError() : "http_" + e.getResponse().code();
                    log.warn("Slack {} failed: {}", method, error);
                    return new SlackCall.Failed<>(error);
                }
                error = "ratelimited";
                wait = retryAfter(e.getResponse().header("Retry-After"));
            } catch (IOException e) {
                error = "io_error";
                wait = NETWORK_BACKOFF.multipliedBy(attempt);
                log.info("Slack {} attempt {} could not connect: {}", method, attempt, e.getMessage());
            }
            if (attempt < ATTEMPTS) {
                log.info("Slack {} {}; retrying in {} s", method, error, wait.toSeconds());
                if (!sleep(wait)) {
                    break;
                }
            }
        }
        log.warn("Slack {} gave up after {} attempts: {}", method, ATTEMPTS, error);
        return new SlackCall.Failed<>(error);
    }

    private static Duration retryAfter(Map<String, List<String>> headers) {
        if (headers == null) {
            return retryAfter((String) null);
        }
        List<String> values = headers.get("retry-after");
        return retryAfter(values == null || values.isEmpty() ? null : values.getFirst());
    }

    static Duration retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header == null ? "1" : header.trim());
            Duration wait = Duration.ofSeconds(Math.max(1, seconds));
            return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
