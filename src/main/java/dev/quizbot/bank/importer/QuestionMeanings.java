package dev.quizbot.bank.importer;

import java.util.Collection;
import java.util.List;

import dev.quizbot.bank.Question;
import dev.quizbot.grading.EmbeddingModel;

/**
 * The bank's questions as sentence vectors of the grader's model, embedded once per import, so
 * drafts can be compared with them by meaning: "What is LoRA?" and "How does LoRA (Low-Rank
 * Adaptation) work?" share one subject word but ask the same thing.
 */
final class QuestionMeanings {

    private final EmbeddingModel model;
    private final List<Question> questions;
    private final List<float[]> vectors;

    QuestionMeanings(EmbeddingModel model, Collection<Question> bank) {
        this.model = model;
        this.questions = List.copyOf(bank);
        this.vectors = questions.isEmpty() ? List.of() : model.embedAll(questions.stream().map(Question::question).toList());
    }

    float[] embed(String text) {
        return model.embed(text);
    }

    List<Question> questions() {
        return questions;
    }

    float[] vectorOf(int index) {
        return vectors.get(index);
    }

    static double similarity(float[] a, float[] b) {
        return EmbeddingModel.cosine(a, b);
    }
}
