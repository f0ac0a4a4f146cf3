package dev.quizbot.practice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quizbot.practice.*}.
 *
 * @param idleTimeout a practice session with no answer for this long has ended
 * @param againAfter  an answer rated Again brings the question back after this (FSRS's relearning step)
 * @param easyScore   a correct answer scoring at least this ...
 * @param easyWithin  ... given within this long of seeing the question is rated Easy
 */
@ConfigurationProperties("quizbot.practice")
public record PracticeProperties(@DefaultValue("30m") Duration idleTimeout,
                                 @DefaultValue("10m") Duration againAfter,
                                 @DefaultValue("90") int easyScore,
                                 @DefaultValue("60s") Duration easyWithin) {
}
