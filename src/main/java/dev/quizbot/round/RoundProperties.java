package dev.quizbot.round;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quizbot.rounds.*}.
 *
 * @param onDemand how long a round started with {@code ask} stays open
 * @param maxScheduled the longest a scheduled round stays open when the next post is far away
 */
@ConfigurationProperties("quizbot.rounds")
public record RoundProperties(@DefaultValue("10m") Duration onDemand,
                              @DefaultValue("7d") Duration maxScheduled) {
}
