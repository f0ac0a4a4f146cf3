package dev.quizbot.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.grading.Grade;
import dev.quizbot.grading.Verdict;

/** The points rule the README states under "Scoring". */
class ScoringRulesTest {

    private static Grade grade(Verdict verdict, int score) {
        return new Grade(verdict, score, List.of(), List.of(), -1, "", List.of());
    }

    @Test
    void anIncorrectAnswerEarnsNothingWhateverItsScore() {
        ScoringRules.Award award = ScoringRules.award(grade(Verdict.INCORRECT, 33), Difficulty.HARD, false, 0);

        assertThat(award.points()).isZero();
    }

    @Test
    void partialCreditStillCountsAndDifficultyMultiplies() {
        assertThat(ScoringRules.award(grade(Verdict.PARTIAL, 50), Difficulty.MEDIUM, false, 0).points()).isEqualTo(75);
        assertThat(ScoringRules.award(grade(Verdict.CORRECT, 100), Difficulty.HARD, false, 0).points()).isEqualTo(200);
    }

    @Test
    void theStreakBonusAppliesToCorrectScheduledAnswersOnly() {
        assertThat(ScoringRules.award(grade(Verdict.CORRECT, 100), Difficulty.EASY, true, 2).points()).isEqualTo(120);
        assertThat(ScoringRules.award(grade(Verdict.INCORRECT, 30), Difficulty.EASY, true, 2).streak()).isZero();
    }
}
