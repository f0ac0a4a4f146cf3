package dev.quizbot.grading.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quizbot.grading.AnswerAnalyzer;

/**
 * A benchmark's answers see the other answers' human grades only as the data's authors split
 * it: train answers see the other train answers to their question (never themselves), the
 * unseen-answers test split sees the train answers, the unseen-questions split sees none.
 */
class SemEvalSettledAnswersTest {

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
