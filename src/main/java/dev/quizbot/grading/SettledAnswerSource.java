package dev.quizbot.grading;

/**
 * Where the grader finds the answers people already settled for a question (the review
 * queue's decisions). Asked once per graded answer, so an implementation should answer from
 * memory or one indexed query. Without one, every question is graded as a new one.
 */
@FunctionalInterface
public interface SettledAnswerSource {

    SettledAnswerSource NONE = questionId -> SettledAnswers.NONE;

    /** The settled answers to the bank question {@code questionId}, most recent first; never null. */
    SettledAnswers forQuestion(String questionId);
}
