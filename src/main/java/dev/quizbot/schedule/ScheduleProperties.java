package dev.quizbot.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quizbot.schedules.*}.
 *
 * @param grace       a slot missed while quizbot was down is still posted if it is at most this old
 * @param minInterval the shortest gap allowed between two posts of one schedule
 * @param maxPerChannel how many schedules one channel may have
 */
@ConfigurationProperties("quizbot.schedules")
public record ScheduleProperties(@DefaultValue("30m") Duration grace,
                                 @DefaultValue("5m") Duration minInterval,
                                 @DefaultValue("5") int maxPerChannel) {
}
