package dev.quizbot.practice;

import java.time.Duration;
import java.util.Optional;

import dev.quizbot.grading.Grade;
import dev.quizbot.grading.Verdict;

/**
 * How a grade becomes an FSRS rating: incorrect is Again, partial is Hard, correct is Good, and
 * correct with a score of at least {@code easyScore} given within {@code easyWithin} of seeing
 * the question is Easy. Channel rounds do not know when a player first saw the question, so
 * their answers are never Easy.
 */
final class Ratings {

    private Ratings() {
    }

    static Rating of(Grade grade, Optional<Duration> took, PracticeProperties properties) {
        return switch (grade.verdict()) {
            case INCORRECT -> Rating.AGAIN;
            case PARTIAL -> Rating.HARD;
            case CORRECT -> grade.score() >= properties.easyScore()
                    && took.filter(t -> t.compareTo(properties.easyWithin()) <= 0).isPresent()
                    ? Rating.EASY : Rating.GOOD;
        };
    }

    static boolean correct(Verdict verdict) {
        return verdict == Verdict.CORRECT;
    }
}
