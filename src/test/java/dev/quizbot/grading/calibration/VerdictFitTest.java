package dev.quizbot.grading.calibration;

import dev.quizbot.grading.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** XGBoost (and liblinear, the learner compared with) fit the three verdict models; they survive weights.json; scores stay in their verdict's band. */
class VerdictFitTest {

    private static final List<String> NAMES = List.of("recall", "opposite");

    /** Correct when recall is high, partial when middling, incorrect otherwise; "opposite" marks contradictions. */
    private static List<VerdictFit.Example> examples() {
        Random random = new Random(7);
        List<VerdictFit.Example> examples = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            double recall = random.nextDouble();
            boolean opposite = random.nextDouble() < 0.2;
            boolean correct = recall > 0.7 && !opposite;
            Boolean partial = correct ? null : recall > 0.4 && !opposite;
            Boolean contradictory = correct ? null : opposite;
            examples.add(new VerdictFit.Example(new double[] {recall, opposite ? 1 : 0}, correct, partial, contradictory, 1));
        }
        return examples;
    }

    @ParameterizedTest
    @EnumSource(VerdictFit.Learner.class)
    void learnsTheThreeDecisionsFromLabelledAnswers(VerdictFit.Learner learner) {
        VerdictModel model = VerdictFit.fit(NAMES, examples(), learner);
        assertThat(model.decide(new double[] {0.95, 0}).verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(model.decide(new double[] {0.55, 0}).verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(model.decide(new double[] {0.1, 0}).verdict()).isEqualTo(Verdict.INCORRECT);
        VerdictModel.Decision contradicted = model.decide(new double[] {0.95, 1});
        assertThat(contradicted.verdict()).isNotEqualTo(Verdict.CORRECT);
        assertThat(contradicted.pContradictory()).isGreaterThan(0.5);
    }

    @Test
    void scoresStayInsideTheirVerdictsBandAndConfidenceIsBetweenACoinTossAndCertainty() {
        VerdictModel model = VerdictFit.fit(NAMES, examples());
        for (double recall = 0; recall <= 1; recall += 0.05) {
            VerdictModel.Decision d = model.decide(new double[] {recall, 0});
            switch (d.verdict()) {
                case CORRECT -> assertThat(d.score()).isBetween(70, 100);
                case PARTIAL -> assertThat(d.score()).isBetween(40, 69);
                case INCORRECT -> assertThat(d.score()).isBetween(0, 39);
            }
            assertThat(d.confidence()).isBetween(0.5, 1.0);
        }
        assertThat(model.decide(new double[] {0.71, 0}).confidence()).isLessThan(model.decide(new double[] {0.99, 0}).confidence());
    }

    @ParameterizedTest
    @EnumSource(VerdictFit.Learner.class)
    void weightsSurviveTheirFile(VerdictFit.Learner learner, @TempDir Path dir) {
        VerdictModel model = VerdictFit.fit(NAMES, examples(), learner);
        Path file = dir.resolve("weights.json");
        new VerdictWeights(Map.of("test-model", model, VerdictWeights.CONCEPTS_ONLY, model), Map.of("procedure", "test")).write(file);
        VerdictWeights read = VerdictWeights.parse(VerdictWeights.json().readTree(file.toFile()));
        VerdictModel back = read.forModel("test-model").orElseThrow();
        for (double recall : new double[] {0.1, 0.5, 0.9}) {
            assertThat(back.decide(new double[] {recall, 0}).verdict()).isEqualTo(model.decide(new double[] {recall, 0}).verdict());
            assertThat(back.decide(new double[] {recall, 0}).pCorrect()).isCloseTo(model.decide(new double[] {recall, 0}).pCorrect(),
                    org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(read.provenance()).containsEntry("procedure", "test");
        assertThat(back.correct().getClass()).isEqualTo(model.correct().getClass());
    }

    @Test
    void aModelOfAnUnknownKindIsRefusedByName() {
        var root = VerdictWeights.json().readTree("""
                {"models": {"m": {"features": ["a"], "correct": {"kind": "forest"}, "partial": {"kind": "constant", "p": 0.5},
                 "contradictory": {"kind": "constant", "p": 0.5}}}}""");
        assertThatThrownBy(() -> VerdictWeights.parse(root)).hasMessageContaining("unknown kind of model 'forest'");
    }

    @Test
    void theBundledModelsAverageBoostedTreesAndALogisticModel() {
        VerdictModel bundled = VerdictWeights.bundled().forModel("all-minilm-l6-v2-q").orElseThrow();
        assertThat(bundled.correct()).isInstanceOfSatisfying(Probability.Average.class, average ->
                assertThat(average.members()).hasExactlyElementsOfTypes(Probability.BoostedTrees.class, Probability.Logistic.class));
    }

    @Test
    void anAnswerThatSaysTheOppositeEarnsNoPartialCredit() {
        // every answer is "partly right" to this model, but a contradiction rule's finding rules partial out
        List<String> names = List.of("soft_recall", "rule_contradiction");
        VerdictModel model = new VerdictModel(names, new Probability.Constant(0.1), new Probability.Constant(0.9),
                new Probability.Constant(0.1), 0.5);
        assertThat(model.decide(new double[] {0.6, 0}).verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(model.decide(new double[] {0.6, 1}).verdict()).isEqualTo(Verdict.INCORRECT);
        VerdictModel saysOpposite = new VerdictModel(names, new Probability.Constant(0.1), new Probability.Constant(0.9),
                new Probability.Constant(0.8), 0.5);
        assertThat(saysOpposite.decide(new double[] {0.6, 0}).verdict()).isEqualTo(Verdict.INCORRECT);
    }

    @Test
    void productsOfMeasurementsAreReadByName() {
        double[] x = VerdictModel.select(List.of("a", "a*b"), List.of("a", "b"), new double[] {0.5, 0.4});
        assertThat(x).containsExactly(0.5, 0.2);
        assertThatThrownBy(() -> VerdictModel.select(List.of("c"), List.of("a"), new double[] {1}))
                .hasMessageContaining("no measurement 'c'");
    }

    @Test
    void theBundledWeightsHaveTheMiniLmAndTheConceptsOnlyModels() {
        VerdictWeights bundled = VerdictWeights.bundled();
        assertThat(bundled.forModel("all-minilm-l6-v2-q")).isPresent();
        assertThat(bundled.conceptsOnly().features()).isNotEmpty();
        assertThat(bundled.provenance()).containsKey("data");
    }
}
