package dev.quizbot.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerCleanerTest {

    private final AnswerCleaner cleaner = new AnswerCleaner();

    @Test
    void dropsCaptionsFurnitureDiagramFragmentsAndAnswerLabels() {
        String raw = """
                Ans - Tokenization splits text into tokens.

                Image Source: Cognitive Class

                simpler
                models

                larger context
                window

                #### **Answer:**
                - · Subwords handle rare words.
                -Byte-pair encoding merges frequent pairs.
                Important Interview Questions and Answers on LLMs
                **Follow for more
                AI/ML posts**
                SAVE
                LIKE
                SHARE
                Follow me on LinkedIn for more
                -- Amar Sharma
                Page 3 of 12
                """;

        String answer = cleaner.clean(raw).text();

        assertThat(answer).isEqualTo("Tokenization splits text into tokens. Subwords handle rare words. "
                + "Byte-pair encoding merges frequent pairs.");
    }

    @Test
    void keepsLabelledStepsJoinsWrappedLinesAndFlattensTables() {
        String raw = """
                #### 1. Data Collection:
                • Collect outputs and annotate them.
                Parameters: LLMs have billions or even

                trillions of parameters
                Aspect\tFine-tuning\tTransfer Learning
                Scope\tAdapts a model.\tReuses knowledge.
                """;

        String answer = cleaner.clean(raw).text();

        assertThat(answer).isEqualTo("1. Data Collection: Collect outputs and annotate them. "
                + "Parameters: LLMs have billions or even trillions of parameters. "
                + "Aspect; Fine-tuning; Transfer Learning. Scope; Adapts a model.; Reuses knowledge.");
    }

    @Test
    void shortensAnswersOverTheBankLimitAtASentenceEnd() {
        String raw = "This sentence is exactly forty-four chars. ".repeat(60);

        AnswerCleaner.Cleaned cleaned = cleaner.clean(raw);

        assertThat(cleaned.shortened()).isTrue();
        assertThat(cleaned.text()).hasSizeLessThanOrEqualTo(AnswerCleaner.MAX_ANSWER_LENGTH).endsWith("chars.");
    }

    @Test
    void markdownImagesGoWithTheirCaptionsWhereverTheyStand() {
        String raw = """
                Beam search keeps the k most probable partial sequences at each step.
                ![figure 1: beam search with k = 2 keeps two hypotheses](beam.png)
                Greedy decoding keeps only one. ![Figure 2: greedy path](greedy.svg "greedy")
                <img src="tree.png" alt="search tree"> <figcaption>Figure 3: the search tree</figcaption>
                """;

        String answer = cleaner.clean(raw).text();

        assertThat(answer).isEqualTo("Beam search keeps the k most probable partial sequences at each step. "
                + "Greedy decoding keeps only one.");
    }
}
