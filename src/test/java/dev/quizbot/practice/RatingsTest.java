package dev.quizbot.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quizbot.grading.Grade;
import dev.quizbot.grading.Verdict;

class RatingsTest {

    private static final PracticeProperties DEFAULTS = new PracticeProperties(Duration.ofMinutes(30),
            Duration.ofMinutes(10), 90, Duration.ofSeconds(60));

    private static Grade grade(Verdict verdict, int score) {
        return new Grade(verdict, score, List.of(), List.of(), -1, "", List.of());
    }

    @Test
    void gradesMapToRatingsAsDocumented() {
        Optional<Duration> quick = Optional.of(Duration.ofSeconds(30));
        Optional<Duration> slow = Optional.of(Duration.ofSeconds(61));

        assertThat(Ratings.of(grade(Verdict.INCORRECT, 10), quick, DEFAULTS)).isEqualTo(Rating.AGAIN);
        assertThat(Ratings.of(grade(Verdict.PARTIAL, 60), quick, DEFAULTS)).isEqualTo(Rating.HARD);
        assertThat(Ratings.of(grade(Verdict.CORRECT, 89), quick, DEFAULTS)).isEqualTo(Rating.GOOD);
        assertThat(Ratings.of(grade(Verdict.CORRECT, 95), slow, DEFAULTS)).isEqualTo(Rating.GOOD);
        assertThat(Ratings.of(grade(Verdict.CORRECT, 90), Optional.of(Duration.ofSeconds(60)), DEFAULTS))
                .isEqualTo(Rating.EASY);
        // channel rounds do not know when the player first saw the question
        assertThat(Ratings.of(grade(Verdict.CORRECT, 100), Optional.empty(), DEFAULTS)).isEqualTo(Rating.GOOD);
    }
}
