package dev.quizbot.history;

import java.time.Instant;

import dev.quizbot.bank.Difficulty;

/**
 * A closed round as its reveal showed it: the question, the reference answer and how the
 * channel did. {@code meanScore} is the mean grader score (0-100) over all answers, 0 when
 * nobody answered.
 */
public record RevealStats(long roundId, String channel, String questionId, String topic, Difficulty difficulty,
                          String question, String referenceAnswer, Instant openedAt, Instant closedAt,
                          int answered, int correct, int partial, int incorrect, double meanScore) {
}
