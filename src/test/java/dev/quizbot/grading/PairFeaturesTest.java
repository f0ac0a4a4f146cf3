package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The pair measurements on words alone (no model): stems align, question words are set apart, opposites are seen. */
class PairFeaturesTest {

    private static double[] measure(String answer, String reference, String question) {
        ReadText a = ReadText.of(answer, Optional.empty());
        ReadText r = ReadText.of(reference, Optional.empty());
        ReadText q = ReadText.of(question, Optional.empty());
        return PairFeatures.measure(a, r, q, PreparedQuestion.stemSet(question), Terms.ENGLISH.words(answer).size(), WordRelations.WORDNET);
    }

    private static double get(double[] x, String name) {
        return x[PairFeatures.NAMES.indexOf(name)];
    }

    @Test
    void theReferenceItselfIsFullyRecalled() {
        String reference = "Gradient clipping rescales gradients whose norm exceeds a threshold.";
        double[] x = measure(reference, reference, "What is gradient clipping?");
        assertThat(get(x, "soft_recall")).isEqualTo(1.0);
        assertThat(get(x, "lex_recall")).isEqualTo(1.0);
        assertThat(get(x, "antonym")).isZero();
    }

    @Test
    void echoingTheQuestionRecallsNothingTheQuestionDidNotGiveAway() {
        double[] x = measure("Gradient clipping is gradient clipping.", "Gradient clipping rescales gradients whose norm exceeds a threshold.",
                "What is gradient clipping?");
        assertThat(get(x, "lex_recall")).isZero();
        assertThat(get(x, "soft_recall_all")).isGreaterThan(0.0);
    }

    @Test
    void anOppositeWordIsSeenAndAReferenceThatUsesBothIsNot() {
        String question = "What does temperature do?";
        assertThat(get(measure("A higher temperature makes the output less random.", "A higher temperature makes the output more random.",
                question), "antonym")).isEqualTo(1.0);
        assertThat(get(measure("A lower temperature is sharper.", "A higher temperature flattens it; a lower temperature sharpens it.",
                question), "antonym")).isZero();
    }

    @Test
    void negationOnOneSideOnlyIsAMismatch() {
        assertThat(get(measure("RAG does not retrieve documents.", "RAG retrieves documents.", "What is RAG?"), "negation_mismatch"))
                .isEqualTo(1.0);
        assertThat(get(measure("RAG retrieves documents.", "RAG retrieves documents.", "What is RAG?"), "negation_mismatch")).isZero();
    }

    @Test
    void typosStillAlign() {
        double[] x = measure("quantizaton stores weigts in fewer bits", "Quantization stores weights in fewer bits.", "What is quantization?");
        assertThat(get(x, "lex_recall")).isEqualTo(1.0);
    }

    @Test
    void namesMatchTheMeasurements() {
        assertThat(measure("a", "b", "c")).hasSize(PairFeatures.NAMES.size());
        assertThat(Set.copyOf(AnswerAnalyzer.FEATURES)).hasSize(AnswerAnalyzer.FEATURES.size());
    }
}
