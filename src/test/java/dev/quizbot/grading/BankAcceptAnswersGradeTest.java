package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBankLoader;

/**
 * An {@code accept} entry is by definition a fully correct answer, so the grader must call it correct:
 * otherwise a player who gives exactly that answer is told they are wrong. Checked for the questions
 * written for the project, whose wording the checks for contradictions and swapped sides first met here.
 */
class BankAcceptAnswersGradeTest {

    private static CombinedGrader grader;

    @BeforeAll
    static void loadModelOnce() {
        grader = CombinedGrader.create(SharedModel.minilm());
    }

    static Stream<Arguments> acceptedAnswersOfOurQuestions() {
        return new QuestionBankLoader().load(Path.of("questions")).questions().stream()
                .filter(q -> q.origin().isPresent())
                .flatMap(q -> q.accept().stream().map(a -> Arguments.of(q.id(), q, a)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedAnswersOfOurQuestions")
    void theAcceptedAnswerIsGradedCorrect(String id, Question question, String accepted) {
        Grade grade = grader.grade(question, accepted);

        assertThat(grade.verdict()).as("%s: %s", id, grade.explanation()).isEqualTo(Verdict.CORRECT);
    }
}
