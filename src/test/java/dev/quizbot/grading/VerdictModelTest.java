package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is decided around the fitted weights: the contradiction cap and the relevance floor. */
class VerdictModelTest {

    private static final List<String> FEATURES = List.of("coverage", "similarity", "sentence_best");

    /** Leans to correct as similarity grows; coverage and sentence_best carry no weight. */
    private static final VerdictModel LEANS_ON_SIMILARITY = new VerdictModel(FEATURES,
            new double[] {0, 0, 0}, new double[] {1, 1, 1},
            new double[][] {{0, -4, 0}, {0, 0, 0}, {0, 4, 0}}, new double[] {0, 1, 0}, 0.3);

    @Test
    void withoutAClashTheMostProbableVerdictWins() {
        VerdictModel.Decision decision = LEANS_ON_SIMILARITY.decide(new double[] {0.5, 0.9, 0.9}, false);
        assertThat(decision.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(decision.unrelated()).isFalse();
    }

    @Test
    void aContradictedAnswerIsNeverCorrectHoweverSimilar() {
        VerdictModel.Decision decision = LEANS_ON_SIMILARITY.decide(new double[] {0.5, 0.9, 0.9}, true);
        assertThat(decision.verdict()).isNotEqualTo(Verdict.CORRECT);
        assertThat(decision.probabilities()[2]).as("the fitted probabilities are reported as they are").isGreaterThan(0.5);
    }

    @Test
    void noConceptAndBelowTheFloorIsIncorrectWhateverTheWeightsSay() {
        double[] unrelated = {0, 0.25, 0.2};
        assertThat(LEANS_ON_SIMILARITY.decide(unrelated, false).verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(LEANS_ON_SIMILARITY.decide(unrelated, false).unrelated()).isTrue();
        assertThat(LEANS_ON_SIMILARITY.decide(new double[] {0.2, 0.25, 0.2}, false).unrelated())
                .as("a key concept named keeps the answer with the weights").isFalse();
        assertThat(LEANS_ON_SIMILARITY.decide(new double[] {0, 0.25, 0.31}, false).unrelated())
                .as("one sentence close enough keeps it too").isFalse();
    }

    @Test
    void aModelWithoutMeaningFeaturesHasNoFloor() {
        VerdictModel conceptsOnly = new VerdictModel(List.of("coverage"), new double[] {0}, new double[] {1},
                new double[][] {{-1}, {0}, {1}}, new double[] {0, 0, 0}, Double.NaN);
        assertThat(conceptsOnly.decide(new double[] {0}, false).unrelated()).isFalse();
    }

    @Test
    void theFloorIsTheLeastCloseAnswerPeopleGaveCreditTo() {
        var partial = new Calibration.Row(null, new double[] {0.2, 0.3, 0.25}, VerdictModel.CLASSES.indexOf(Verdict.PARTIAL), false);
        var correct = new Calibration.Row(null, new double[] {0, 0.5, 0.6}, VerdictModel.CLASSES.indexOf(Verdict.CORRECT), false);
        var incorrect = new Calibration.Row(null, new double[] {0, 0.1, 0.1}, VerdictModel.CLASSES.indexOf(Verdict.INCORRECT), false);
        assertThat(Calibration.relevanceFloor(LEANS_ON_SIMILARITY, List.of(partial, correct, incorrect))).isEqualTo(0.3);
    }

    @Test
    void theFloorTravelsWithTheWeights(@TempDir Path dir) {
        Path file = dir.resolve("weights.json");
        FittedWeights.write(file, Map.of("m", LEANS_ON_SIMILARITY), Map.of());
        assertThat(FittedWeights.read(file).forModel("m")).hasValueSatisfying(m -> assertThat(m.relevanceFloor()).isEqualTo(0.3));
    }
}
