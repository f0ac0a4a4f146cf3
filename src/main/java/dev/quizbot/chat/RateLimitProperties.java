package dev.quizbot.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quizbot.rate-limit.*}: how many commands (answers included) one person may send per
 * community, whatever chat platform they come from. A token bucket: {@code burst} commands at
 * once, refilled at {@code perMinute} a minute.
 *
 * @param enabled   false turns the limit off (a private instance, load tests)
 * @param perMinute sustained commands per minute per user per community
 * @param burst     commands a user may send back to back after a quiet spell
 */
@ConfigurationProperties("quizbot.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("20") int perMinute,
                                  @DefaultValue("10") int burst) {

    public RateLimitProperties {
        if (enabled && (perMinute < 1 || burst < 1)) {
            throw new IllegalArgumentException("quizbot.rate-limit.per-minute and .burst must be at least 1"
                    + " (or set quizbot.rate-limit.enabled=false)");
        }
    }
}
