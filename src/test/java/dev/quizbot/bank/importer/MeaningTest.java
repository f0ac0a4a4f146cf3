package dev.quizbot.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;
import dev.quizbot.grading.EmbeddingModel;
import dev.quizbot.grading.SentenceModel;
import dev.quizbot.grading.SentenceModels;

/** Duplicates and topics by meaning, with the grader's real sentence model, against the real bank. */
class MeaningTest {

    private static EmbeddingModel model;
    private static QuestionBank bank;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        model = SentenceModels.load(SentenceModel.ALL_MINILM_L6_V2_Q).loaded().orElseThrow();
        bank = new QuestionBankLoader().load(Path.of("questions"));
    }

    private List<Draft> drafts(Optional<EmbeddingModel> withModel) throws IOException {
        Path csv = Files.writeString(dir.resolve("notes.csv"), """
                question,answer
                What is beam search?,"Beam search keeps the k most probable partial sequences at each decoding step."
                What is LoRA?,"LoRA freezes the pretrained weights and trains small low-rank update matrices."
                What is speculative decoding?,"A small draft model proposes several tokens that the large model verifies in one pass."
                """);
        return new Importer(bank, withModel).importFiles(List.of(csv)).drafts();
    }

    @Test
    void questionsAskingTheSameInOtherWordsAreFlaggedWithTheScore() throws IOException {
        List<Draft> drafts = drafts(Optional.of(model));

        assertThat(drafts.get(0).duplicateOf()).get().asString()
                .contains("\"What is beam search and how does it differ from greedy decoding?\"").containsPattern("meaning 0\\.\\d\\d");
        // the bank asks about LoRA twice ("What are LoRA and QLoRA?", "How does LoRA (Low-Rank Adaptation) work?")
        assertThat(drafts.get(1).duplicateOf()).get().asString()
                .containsAnyOf("'lora-qlora'", "(Low-Rank Adaptation)").containsPattern("meaning 0\\.\\d\\d");
        assertThat(drafts.get(2).duplicateOf()).isEmpty();
    }

    @Test
    void wordsAloneMissThem() throws IOException {
        List<Draft> drafts = drafts(Optional.empty());

        assertThat(drafts.get(0).duplicateOf()).isEmpty();
        assertThat(drafts.get(1).duplicateOf()).isEmpty();
    }

    @Test
    void topicsAreGuessedByMeaningToo() throws IOException {
        List<Draft> drafts = drafts(Optional.of(model));

        assertThat(drafts.get(0).entry().topic()).isEqualTo("llm-fundamentals");
        assertThat(drafts.get(1).entry().topic()).isEqualTo("fine-tuning");
    }
}
