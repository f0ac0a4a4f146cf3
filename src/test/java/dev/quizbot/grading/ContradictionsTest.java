package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contradiction cue flags claims that take the other side of the reference, and not paraphrases that agree. */
class ContradictionsTest {

    private static final Contradictions CUE = new Contradictions();

    private static final Contradictions.Reference TEMPERATURE = reference(PilotBank.TEMPERATURE.question(), PilotBank.TEMPERATURE.answer());

    private static final Contradictions.Reference DISTILLATION = reference("What is knowledge distillation?",
            "Knowledge distillation trains a smaller student model to reproduce the behaviour of a larger teacher model. "
                    + "The student learns to match the teacher's softened output distribution.");

    private static final Contradictions.Reference BEAM_SEARCH = reference("What is beam search and how does it differ from greedy decoding?",
            "Greedy decoding picks the single most probable token at each step. Beam search keeps the B highest-scoring "
                    + "partial sequences at every step and returns the best complete one.");

    private static Contradictions.Reference reference(String question, String answer) {
        return Contradictions.Reference.of(question, answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A higher temperature makes the output more deterministic.",
            "Lowering the temperature makes the output more random.",
            "A higher temperature makes the output less random."})
    void givenTheTemperatureReference_whenAClaimTakesTheOtherSide_thenItIsFlagged(String answer) {
        assertThat(CUE.count(answer, TEMPERATURE).count()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A higher temperature makes the output more random.",
            "Raising the temperature makes outputs less deterministic.",
            "Lower temperature makes it more deterministic, higher makes it more random.",
            "A low temperature sharpens the distribution so sampling is more deterministic while a high one flattens it."})
    void givenTheTemperatureReference_whenAClaimAgreesInOtherWords_thenNothingIsFlagged(String answer) {
        assertThat(CUE.count(answer, TEMPERATURE).count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Distillation trains a larger teacher from a small student.",
            "Distillation trains a large teacher model from a smaller student model."})
    void givenDistillation_whenTeacherAndStudentAreSwapped_thenItIsFlagged(String answer) {
        var result = CUE.count(answer, DISTILLATION);
        assertThat(result.count()).isEqualTo(1);
        assertThat(result.example()).hasValueSatisfying(clash -> assertThat(((Contradictions.Opposite) clash).answerWord().toLowerCase(java.util.Locale.ROOT)).isIn("larger", "large", "teacher"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Knowledge distillation trains a small student model to mimic a large teacher model.",
            "A small student is trained to mimic a larger teacher.",
            "A large teacher model is used to train a small student model."})
    void givenDistillation_whenTheRolesAreRight_thenNothingIsFlagged(String answer) {
        assertThat(CUE.count(answer, DISTILLATION).count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Beam search always picks the single most likely token while greedy keeps several.",
            "Greedy decoding keeps several partial sequences at every step."})
    void givenAComparisonQuestion_whenTheTwoThingsAreSwapped_thenItIsFlagged(String answer) {
        assertThat(CUE.count(answer, BEAM_SEARCH).count()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Greedy takes the argmax token each step; beam search keeps the top-k partial sequences and returns the best.",
            "Beam search keeps several candidate sequences at every step, greedy decoding picks the single most probable token."})
    void givenAComparisonQuestion_whenEachThingIsDescribedRightly_thenNothingIsFlagged(String answer) {
        assertThat(CUE.count(answer, BEAM_SEARCH).count()).isZero();
    }
}
