package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;

/**
 * The grades new players reported as unfair, on the shipped bank with the real MiniLM model and
 * the bundled weights: textbook answers failed, keyword nonsense and fluent wrong answers passed,
 * explanations contradicted verdicts, screens turned away ordinary answers.
 */
class ReportedGradingFailuresTest {

    private static final QuestionBank SHIPPED = new QuestionBankLoader().load(Path.of("questions"));

    private static CombinedGrader grader;

    @BeforeAll
    static void loadModelOnce() {
        grader = CombinedGrader.create(SharedModel.minilm());
    }

    private static Question question(String id) {
        return SHIPPED.question(id).orElseThrow();
    }

    @Test
    void theTextbookTemperatureAnswerIsNotFailed() {
        Grade grade = grader.grade(question("temperature"), "Temperature divides the logits before the softmax. A low temperature makes "
                + "the distribution sharper and the output more deterministic; a high temperature flattens it so the output is more "
                + "random and creative.");
        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(grade.explanation()).doesNotContain("contradict");
    }

    @Test
    void eigenvectorNonsenseIsNotCorrect() {
        Grade grade = grader.grade(question("eigen-dimensionality-reduction"), "My eigenvector is a dog who loves eigenvalues. The covariance "
                + "matrix of my breakfast is PCA, and SVD is what I call my bicycle. Dimensionality reduction happens when I sleep.");
        assertThat(grade.verdict()).isNotEqualTo(Verdict.CORRECT);
        assertThat(grade.score()).isLessThan(70);
    }

    /** Was correct 95, then correct but provisional; the boosted trees read it as the nonsense it is. */
    @Test
    void logitsNonsenseIsNotCorrect() {
        Grade grade = grader.grade(question("temperature"), "My logits are delicious with softmax sauce. Randomness is my cat's name, "
                + "and the temperature in my kitchen is deterministic.");
        assertThat(grade.verdict()).as(grade.toString()).isNotEqualTo(Verdict.CORRECT);
        assertThat(grade.score()).isLessThan(70);
    }

    @Test
    void aCorrectVerdictNeverSaysItMissedEverythingAndAPartialNeverSaysItIsNotEnough() {
        for (String answer : new String[] {
                "Mask some tokens and predict them from both sides of the context: bidirectional.",
                "BERT hides about 15% of the tokens and learns to fill them in using the words on both sides.",
                "It is a training objective."}) {
            Grade grade = grader.grade(question("masked-language-modeling"), answer);
            switch (grade.verdict()) {
                case CORRECT -> assertThat(grade.explanation()).startsWith("Correct.").doesNotContain("Missing").doesNotContain("Worth adding");
                case PARTIAL -> assertThat(grade.explanation()).startsWith("Partly correct.").doesNotContain("not enough");
                case INCORRECT -> assertThat(grade.explanation()).startsWith("Not correct.").doesNotContain("Correct.");
            }
            if (grade.conceptsMissed().isEmpty()) {
                assertThat(grade.explanation()).doesNotContain("Missing:");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"O(log n)", "Private, public, protected", "T(n) = 0, if n<2; T(n) = 2T(n/2) + n otherwise"})
    void terseAnswersAndFormulasAreGradedNotTurnedAway(String answer) {
        AnswerAnalyzer.Analysis analysis = grader.analyzer().analyze(question("temperature"), answer);
        assertThat(analysis.screened().nothingToGrade()).isEmpty();
        assertThat(analysis.otherLanguage()).isEmpty();
        assertThat(analysis.features()).isPresent();
    }

    @Test
    void ordinarySentencesWithYouAreAreNotTakenForInstructions() {
        Grade grade = grader.grade(question("temperature"), "If you are sampling, a higher temperature flattens the softmax and makes "
                + "the output more random, a lower one makes it more deterministic.");
        assertThat(grade.notes()).noneMatch(n -> n.contains("Instructions addressed to the grader"));
        assertThat(grade.verdict()).isNotEqualTo(Verdict.INCORRECT);
    }

    @Test
    void noScreenZeroesTheMeaningOfAnAnswerThatSharesNoWordWithTheReference() {
        AnswerAnalyzer.Analysis analysis = grader.analyzer().analyze(question("how-rag-works"),
                "Look things up first, then answer with what you found pasted in front of the query.");
        assertThat(analysis.features()).isPresent();
        assertThat(analysis.similarity()).isGreaterThan(0.0);
    }

    @Test
    void everyGradeCarriesAConfidenceAndUnsureOnesAreMarkedProvisional() {
        CombinedGrader strict = CombinedGrader.create(SharedModel.minilm(), 1.0);
        Grade grade = strict.grade(question("temperature"), "It changes how random the output is.");
        assertThat(grade.confidence()).isBetween(0.5, 1.0);
        assertThat(grade.provisional()).isTrue();
        assertThat(grade.notes()).anyMatch(n -> n.contains("provisional"));
        Grade sure = CombinedGrader.create(SharedModel.minilm(), 0.0).grade(question("temperature"), "It changes how random the output is.");
        assertThat(sure.provisional()).isFalse();
    }
}
