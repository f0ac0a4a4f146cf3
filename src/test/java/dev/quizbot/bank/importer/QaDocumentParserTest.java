package dev.quizbot.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class QaDocumentParserTest {

    private final QaDocumentParser parser = new QaDocumentParser();

    private List<ImportedEntry> parse(String text) {
        return parser.parse("guide.txt", text.lines().toList()).entries();
    }

    @Test
    void qStyleHeadingsWithAnsPrefixedAnswers() {
        List<ImportedEntry> entries = parse("""
                TOP 2 Questions

                Q1. What is beam search?

                Ans - Beam search keeps the k most likely partial sequences.

                Q2.Explain temperature.
                Ans - Temperature rescales logits.
                1. Low temperature: sharper distribution.
                Q4o. How does Adaptive Softmax speed things up?
                Ans - It clusters rare words.
                """);

        assertThat(entries).extracting(ImportedEntry::heading).containsExactly(
                "Q1. What is beam search?", "Q2.Explain temperature.", "Q4o. How does Adaptive Softmax speed things up?");
        assertThat(entries).extracting(ImportedEntry::question).containsExactly(
                "What is beam search?", "Explain temperature.", "How does Adaptive Softmax speed things up?");
        assertThat(entries).extracting(ImportedEntry::line).containsExactly(3, 7, 10);
        assertThat(entries.get(1).answer()).contains("Temperature rescales logits").contains("Low temperature");
    }

    @Test
    void markdownSubStepsEndingInAColonAreNotQuestions() {
        List<ImportedEntry> entries = parse("""
                # Guide title:

                # 1. What is fine-tuning?
                - Adapting a pre-trained model.

                # 2. Describe the Fine-tuning Process.
                #### 1. Start with a Pre-trained Model:
                Use a base model.
                # 3. Adjust Model Parameters:
                Train on task data.
                # 3. What are the Different Fine-tuning Methods?
                # 1. Full Fine-tuning:
                - Updates all layers.
                #### 4. When Should You Go for Fine-tuning?
                Domain shift.
                """);

        assertThat(entries).extracting(ImportedEntry::heading).containsExactly(
                "# 1. What is fine-tuning?", "# 2. Describe the Fine-tuning Process.",
                "# 3. What are the Different Fine-tuning Methods?", "#### 4. When Should You Go for Fine-tuning?");
        assertThat(entries.get(1).answer()).contains("Start with a Pre-trained Model").contains("Adjust Model Parameters");
    }

    @Test
    void numberedNotesBeforeTheQuestionsAreSkippedAndWrappedHeadingsJoined() {
        List<ImportedEntry> entries = parse("""
                LLM Notes

                1. Definition

                Large language models are big.

                2. Core Concepts

                1. Text Generation:

                Stories.

                Important Questions

                1. Define "pre-training" vs. "fine-tuning".

                Pre-training learns general language.
                1. Hola -> Hello
                2. Bonjour -> Hello
                3. Ciao -> ?

                2. Describe strategies for curating a dataset

                tailored for a generative model.

                1. Collect human preferences.
                2. Train a reward model.

                4. Evaluating LLM performance metrics

                Evaluating needs several metrics.
                """);

        assertThat(entries).extracting(ImportedEntry::heading).containsExactly(
                "1. Define \"pre-training\" vs. \"fine-tuning\".",
                "2. Describe strategies for curating a dataset tailored for a generative model.",
                "4. Evaluating LLM performance metrics");
        assertThat(entries.get(1).question()).isEqualTo("Describe strategies for curating a dataset tailored for a generative model.");
        assertThat(entries.get(0).answer()).contains("Ciao -> ?");
        assertThat(entries.get(1).answer()).contains("Train a reward model").doesNotContain("tailored");
    }

    @Test
    void headingsAtMixedLevelsWithBrokenNumbering() {
        List<ImportedEntry> entries = parse("""
                # 1. What are embeddings?
                - Dense vectors.
                ## 2. Discuss cross-modal embeddings.
                - Shared space.
                # 2. What are the challenges in training LLMs?
                - Data and compute.
                # 6. Regularization techniques for embeddings
                - 1. **Dropout:** deactivate neurons.
                # . What advancements are expected next?
                - Longer contexts.
                # 7. How can pre-trained embeddings be used?
                - Transfer.
                # **Quantization:**
                #### **Definition:**
                Lower precision numbers.
                ## 1. Post-Training Quantization:
                After training.
                ## 9. Efficient training for categorical features
                - Embeddings instead of one-hot.
                # **12. Metrics for Evaluating Embeddings**
                # 1. Perplexity
                - Fluency.
                # 2. BLEU
                - Overlap.
                # 15. Preventing Overfitting in LLMs
                - Dropout.
                """);

        assertThat(entries).extracting(ImportedEntry::heading).containsExactly(
                "# 1. What are embeddings?", "## 2. Discuss cross-modal embeddings.",
                "# 2. What are the challenges in training LLMs?", "# 6. Regularization techniques for embeddings",
                "# . What advancements are expected next?", "# 7. How can pre-trained embeddings be used?",
                "# **Quantization:**", "## 9. Efficient training for categorical features",
                "# **12. Metrics for Evaluating Embeddings**", "# 15. Preventing Overfitting in LLMs");
        assertThat(entries).extracting(ImportedEntry::question).contains("Quantization", "Metrics for Evaluating Embeddings",
                "What advancements are expected next?");
        assertThat(entries.get(8).answer()).contains("Perplexity").contains("BLEU");
    }

    @Test
    void aDocumentWithoutQuestionHeadingsYieldsNothing() {
        assertThat(parse("""
                Shopping list
                1. Milk
                2. Bread
                """)).isEmpty();
    }
}
