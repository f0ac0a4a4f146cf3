package dev.quizbot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins facts that earlier reference answers got wrong, so that a later edit cannot bring the
 * mistake back: a reference answer teaches every player who reads the reveal.
 */
class CorrectedReferenceAnswersTest {

    private static QuestionBank bank;

    @BeforeAll
    static void load() {
        bank = new QuestionBankLoader().load(Path.of("questions"));
    }

    private static Question question(String id) {
        return bank.question(id).orElseThrow();
    }

    @Test
    void llamaThreeHasATiktokenTokenizerOfAbout128kNotSentencePiece() {
        Question llama = question("llama-architecture");

        assertThat(llama.answer()).contains("tiktoken").contains("128k")
                .contains("LLaMA 1 and 2 use a SentencePiece BPE tokenizer with a 32k vocabulary")
                .doesNotContainPattern("(?i)LLaMA 3[^.;]*SentencePiece")
                .doesNotContain("128k in LLaMA 3");
        assertThat(llama.misconceptions())
                .contains("LLaMA 3 uses the same 32k SentencePiece tokenizer as LLaMA 1 and 2.");
    }

    @Test
    void llamaTrainsSmallModelsPastTheComputeOptimalTokenCount() {
        String answer = question("llama-architecture").answer();

        assertThat(answer).contains("far past the").contains("Chinchilla compute-optimal")
                .doesNotContain("following scaling laws");
    }

    @Test
    void llamaNamesGroupedQueryAttentionAndLongerContextAsSeparateChanges() {
        String answer = question("llama-architecture").answer();

        assertThat(answer).contains("Two separate later changes")
                .doesNotContain("grouped-query attention for a smaller KV cache and longer contexts");
    }

    @Test
    void nextSentencePredictionWorksOnSegmentsAndTheAblationsDisagree() {
        Question nsp = question("next-sentence-prediction");

        assertThat(nsp.answer()).contains("pair of text segments").contains("random segment")
                .doesNotContain("random sentence")
                .contains("BERT's own ablation found that removing it hurt")
                .contains("RoBERTa found that removing the NSP loss")
                .contains("matched or slightly improved");
        assertThat(nsp.concepts()).extracting(Concept::phrase).contains("segment pairs").doesNotContain("sentence pairs");
    }

    @Test
    void ppoClippingRemovesTheIncentiveAndOnlyApproximatesATrustRegion() {
        String answer = question("ppo-prompt-generation").answer();

        assertThat(answer).contains("removes the incentive to move the ratio")
                .contains("approximates a trust region rather than enforcing one")
                .doesNotContain("Clipping keeps updates in a trust region");
    }

    @Test
    void lsaFactorizesATermDocumentMatrix() {
        String answer = question("eigen-dimensionality-reduction").answer();

        assertThat(answer).contains("factorizes a (usually tf-idf weighted) term-document matrix with")
                .doesNotContainPattern("co-occurrence matrices \\(LSA\\)");
    }
}
