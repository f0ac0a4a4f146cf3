package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.quizbot.bank.Question;

/**
 * Answers people already settled are weighed as evidence: an answer that says what a rejected
 * one said is measured as close to the wrong side, one that says what an accepted one said as
 * close to the right side; without any, the measurements are 0.
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
    void onlyTheMostRecentTwentyOfEachKindAreWeighed() {
        List<String> many = IntStream.range(0, 100).mapToObj(i -> "answer " + i).toList();
        SettledAnswers settled = new SettledAnswers(many, many);
        assertThat(settled.correct()).hasSize(SettledAnswers.MAX_EACH).startsWith("answer 0");
        assertThat(settled.wrong()).hasSize(SettledAnswers.MAX_EACH);
        assertThat(SettledAnswers.NONE.isEmpty()).isTrue();
    }

    @Test
    void aReviewerRejectingAClaimTeachesTheGraderToDoubtTheSameClaimNextTime() {
        SettledAnswers rejected = new SettledAnswers(
                List.of("It retrieves relevant documents and puts them into the prompt so the model answers from them."),
                List.of("At query time it fine-tunes the model on the retrieved chunks rather than putting them in the prompt.",
                        "It fine-tunes the weights on whatever it retrieves for each query instead of adding it to the prompt."));
        Grade alone = CombinedGrader.create(SharedModel.minilm()).grade(RAG, FINE_TUNES);
        Grade taught = CombinedGrader.create(SharedModel.minilm(), CombinedGrader.DEFAULT_PROVISIONAL_BELOW,
                questionId -> questionId.equals(RAG.id()) ? rejected : SettledAnswers.NONE).grade(RAG, FINE_TUNES);
        assertThat(taught.verdict()).as(taught.toString()).isEqualTo(Verdict.INCORRECT);
        assertThat(taught.score()).as("%s then %s", alone, taught).isLessThan(alone.score());
    }

    @Test
    void aReviewerAcceptingAnAnswerTeachesTheGraderToTrustTheSameAnswerNextTime() {
        String terse = "Retrieve relevant documents from a vector store and put them in the prompt.";
        SettledAnswers accepted = new SettledAnswers(
                List.of("Fetch the relevant documents from the vector store and put them in the prompt.",
                        "Look up relevant docs in a vector database, paste them into the prompt."),
                List.of("It fine-tunes the weights on whatever it retrieves for each query."));
        Grade alone = CombinedGrader.create(SharedModel.minilm()).grade(RAG, terse);
        Grade taught = CombinedGrader.create(SharedModel.minilm(), CombinedGrader.DEFAULT_PROVISIONAL_BELOW,
                questionId -> accepted).grade(RAG, terse);
        assertThat(taught.verdict()).as(taught.toString()).isEqualTo(Verdict.CORRECT);
        assertThat(taught.score()).as("%s then %s", alone, taught).isGreaterThan(alone.score());
    }
}
