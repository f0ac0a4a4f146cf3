package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBankLoader;

/**
 * A relation stated from its other end is not a contradiction: the shipped reference speaks of
 * "T below 1 ... more focused", a player of "a higher temperature ... more random". Reported as
 * graded incorrect 0 with "it says 'more random' where the reference says 'more focused'".
 */
class TemperatureRelationTest {

    private static final Question TEMPERATURE = new QuestionBankLoader().load(Path.of("questions"))
            .question("temperature").orElseThrow();
    private static final Contradictions.Reference REFERENCE = Contradictions.Reference.of(TEMPERATURE.question(),
            TEMPERATURE.answer());

    private static Contradictions.Result check(String answer) {
        return new Contradictions().count(answer, REFERENCE);
    }

    @Test
    void theRelationSeenFromItsOtherEndIsNoContradiction() {
        assertThat(check("A higher temperature makes the output more random; a lower one more deterministic.").count()).isZero();
        assertThat(check("A higher temperature makes the output more random.").count()).isZero();
    }

    @Test
    void halfTheRelationTurnedRoundStillIs() {
        Contradictions.Result reversed = check("A higher temperature makes the output more deterministic.");
        assertThat(reversed.count()).isEqualTo(1);
        assertThat(reversed.example()).isPresent();
    }
}
