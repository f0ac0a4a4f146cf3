package dev.quizbot.slack;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * At most {@code limit} commands and answers per person per minute, so one person (or a stuck
 * client) cannot flood the core or make quizbot exceed Slack's rate limits for everyone.
 */
class UserRateLimit {

    private final int limit;
    private final Cache<String, AtomicInteger> windows = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    UserRateLimit(int limit) {
        this.limit = limit;
    }

    /** Counts one request; false when this person has used up the current minute. */
    boolean allow(String teamId, String userId) {
        return windows.get(teamId + ":" + userId, key -> new AtomicInteger()).incrementAndGet() <= limit;
    }

    static String refusal() {
        return ":hand: That's a lot of requests in a short time. Please wait a minute and try again.";
    }
}
