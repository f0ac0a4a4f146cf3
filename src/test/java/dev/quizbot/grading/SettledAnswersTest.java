package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quizbot.bank.Question;

/**
 * Answers people already settled are weighed as evidence: an answer that says what a rejected
 * one said is measured as close to the wrong side, and a benchmark's answers see the others'
 * grades only as the data's authors allow (never their own).
 */
class SettledAnswersTest {

    private static final Question RAG = PilotBank.RAG;
    private static final String FINE_TUNES = "At query time it fine-tunes the model's weights on the retrieved chunks instead of "
            + "putting them in the prompt.";

    private static AnswerAnalyzer analyzer;

    @BeforeAll
    static void loadModelOnce() {
        analyzer = new AnswerAnalyzer(SharedModel.minilm().loaded());
    }

    private static double feature(AnswerAnalyzer.Analysis analysis, String name) {
        return analysis.features().orElseThrow()[AnswerAnalyzer.FEATURES.indexOf(name)];
    }

    @Test
    void withoutSettledAnswersTheirMeasurementsAreAllZero() {
        AnswerAnalyzer.Analysis analysis = analyzer.analyze(RAG, FINE_TUNES);
        for (String name : AnswerAnalyzer.EXAMPLE_FEATURES) {
            assertThat(feature(analysis, name)).as(name).isZero();
        }
    }

    @Test
    void anAnswerThatRepeatsARejectedClaimSitsNearTheWrongSide() {
        SettledAnswers settled = new SettledAnswers(
                List.of("It retrieves relevant documents and puts them into the prompt so the model answers from them."),
                List.of("It retrains the model on the retrieved documents each time a question comes in.",
                        "The weights are fine-tuned on the documents it retrieves for every query."));
        AnswerAnalyzer.Analysis wrong = analyzer.analyze(RAG, FINE_TUNES, settled);
        assertThat(feature(wrong, "has_examples")).isEqualTo(1.0);
        assertThat(feature(wrong, "example_margin")).isNegative();
        assertThat(feature(wrong, "example_wrong")).isGreaterThan(feature(wrong, "example_correct"));

        AnswerAnalyzer.Analysis right = analyzer.analyze(RAG,
                "It looks up the relevant documents and pastes them into the prompt, so the answer is grounded in them.", settled);
        assertThat(feature(right, "example_margin")).isPositive();
    }

    @Test
    void onlyTheMostRecentSixtyOfEachKindAreWeighed() {
        List<String> many = IntStream.range(0, 100).mapToObj(i -> "answer " + i).toList();
        SettledAnswers settled = new SettledAnswers(many, many);
        assertThat(settled.correct()).hasSize(SettledAnswers.MAX_EACH).startsWith("answer 0");
        assertThat(settled.wrong()).hasSize(SettledAnswers.MAX_EACH);
        assertThat(SettledAnswers.NONE.isEmpty()).isTrue();
    }

    @Test
    void semEvalAnswersSeeTheOtherTrainAnswersOfTheirQuestionButNeverThemselves(@TempDir Path folder) throws IOException {
        String line = """
                {"split":"%s","question_id":"%s","question":"Why does the bulb light?","reference_answer":"The circuit is closed.",\
                "reference_answers":[{"text":"The circuit is closed."}],"student_answer":"%s","label_3way":"%s"}""";
        Files.write(folder.resolve("beetle.jsonl"), List.of(
                line.formatted("train", "q1", "the circuit is closed", "correct"),
                line.formatted("train", "q1", "there is a gap in the circuit", "incorrect"),
                line.formatted("train", "q2", "the only train answer to q2", "correct"),
                line.formatted("test-unseen-answers", "q1", "closed circuit", "correct"),
                line.formatted("test-unseen-questions", "q9", "a closed path", "correct")));
        AnswerAnalyzer wordsOnly = new AnswerAnalyzer(Optional.empty());
        Map<String, Boolean> seesOthers = CalibrationData.semeval(wordsOnly, folder).stream()
                .collect(Collectors.toMap(CalibrationData.Row::answer, CalibrationData.Row::hasExamples));
        assertThat(seesOthers).containsEntry("the circuit is closed", true)
                .containsEntry("there is a gap in the circuit", true)
                .containsEntry("the only train answer to q2", false)
                .containsEntry("closed circuit", true)
                .containsEntry("a closed path", false);
        CalibrationData.Row lone = CalibrationData.semeval(wordsOnly, folder).stream()
                .filter(r -> r.answer().equals("the circuit is closed")).findFirst().orElseThrow();
        // its only other train answer is the wrong one: nearest right 0, a wrong one to compare with
        assertThat(lone.x()[AnswerAnalyzer.FEATURES.indexOf("example_correct")]).isZero();
        assertThat(lone.x()[AnswerAnalyzer.FEATURES.indexOf("example_wrong")]).isPositive();
        assertThat(lone.withoutExamples().hasExamples()).isFalse();
    }
}
