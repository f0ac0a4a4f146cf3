package dev.quizbot.grading;

import dev.quizbot.bank.Question;

/** Grades a free-text answer against a question's reference answer and concepts. Thread-safe. */
public interface Grader {

    /** The longest answer graded; longer answers are cut to this and the grade says so. */
    int MAX_ANSWER_LENGTH = 2_000;

    Grade grade(Question question, String answerText);
}
