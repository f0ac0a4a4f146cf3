package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

@ExtendWith(OutputCaptureExtension.class)
class ModelUnavailableTest {

    @Test
    void aModelThatCannotLoadLeavesOneWarningAndGradesOnConceptsOnly(CapturedOutput output) {
        SentenceModels.Load load = SentenceModels.load("broken-model",
                () -> new OnnxEmbeddingModel(Path.of("does-not-exist/model.onnx"), Path.of("does-not-exist/tokenizer.json"), PoolingMode.MEAN));
        assertThat(load).isInstanceOf(SentenceModels.Load.Unavailable.class);

        CombinedGrader grader = CombinedGrader.create(load);
        Grade right = grader.grade(PilotBank.LORA, "LoRA freezes the base weights and learns a low-rank update, a parameter-efficient method; QLoRA adds 4-bit quantization.");
        Grade wrong = grader.grade(PilotBank.LORA, "LoRA is a long-range radio protocol for IoT devices.");

        assertThat(right.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(wrong.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(wrong.score()).isLessThan(right.score() - 30);
        assertThat(right.similarity()).isEqualTo(-1);
        assertThat(right.notes()).anyMatch(n -> n.startsWith("Graded on key concepts only") && n.contains("broken-model"));
        assertThat(output.getOut().split("Grading on key concepts only", -1)).hasSize(2);
    }

    @Test
    void withoutTheModelShortWrongAnswersAndContradictionsGetNoCredit() {
        CombinedGrader grader = CombinedGrader.create(SentenceModel.NONE);
        assertThat(grader.grade(PilotBank.LORA, "LoRA is a long-range radio protocol.").verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(grader.grade(PilotBank.TEMPERATURE, "A higher temperature makes the output more deterministic.").verdict())
                .isEqualTo(Verdict.INCORRECT);
        dev.quizbot.bank.Question rag = PilotBank.RAG;
        var withoutConcepts = new dev.quizbot.bank.Question(rag.id(), rag.topic(), rag.difficulty(), rag.question(), rag.answer(),
                java.util.List.of(), java.util.List.of(), rag.sources());
        assertThat(grader.grade(withoutConcepts, "A long-range radio protocol.").verdict()).isEqualTo(Verdict.INCORRECT);
    }

    @Test
    void switchingTheModelOffSaysSoInEveryGrade() {
        CombinedGrader grader = CombinedGrader.create(SentenceModel.NONE);
        Grade grade = grader.grade(PilotBank.RAG, "It retrieves documents and adds them to the prompt.");
        assertThat(grade.notes()).anyMatch(n -> n.contains("quizbot.grading.model=none"));
        assertThat(grade.conceptsFound()).contains("retrieve relevant documents", "add to the prompt");
    }
}
