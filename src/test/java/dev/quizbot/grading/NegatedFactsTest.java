package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A denial of two or more words the reference states together is found; agreeing negations are not. */
class NegatedFactsTest {

    private static final List<String> RELU_SENTENCES = List.of(
            "ReLU's derivative is 1 for positive inputs and 0 for negative inputs.",
            "Because the slope does not shrink for positive inputs, ReLU helps with vanishing gradients in deep networks.");

    private static final List<NegatedFacts.Stated> RELU = NegatedFacts.Stated.of(RELU_SENTENCES);

    private static final List<NegatedFacts.Stated> ZERO_SHOT = NegatedFacts.Stated.of(List.of(
            "Zero-shot prompting describes the task in the instruction alone, without any examples in the prompt."));

    @Test
    void denyingWhatTheReferenceStatesIsFound() {
        assertThat(NegatedFacts.find("ReLU doesn't help with vanishing gradients at all.", RELU))
                .hasValueSatisfying(denial -> {
                    assertThat(denial.denied()).contains("vanishing").contains("gradients");
                    assertThat(denial.stated()).contains("vanishing gradients");
                });
    }

    @Test
    void aNegationTheReferenceSharesIsNoDenial() {
        assertThat(NegatedFacts.find("You give the model no examples in the prompt, only the instruction.", ZERO_SHOT)).isEmpty();
        assertThat(NegatedFacts.find("The slope does not shrink for positive inputs.", NegatedFacts.Stated.of(List.of(RELU_SENTENCES.get(1))))).isEmpty();
    }

    @Test
    void oneSharedWordIsNotEnough() {
        assertThat(NegatedFacts.find("ReLU is not smooth, but it helps with vanishing gradients.", RELU)).isEmpty();
    }

    @Test
    void anAnswerWithoutNegationDeniesNothing() {
        assertThat(NegatedFacts.find("ReLU helps with vanishing gradients because its slope is 1 for positive inputs.", RELU)).isEmpty();
    }
}
