package dev.quizbot.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.quizbot.grading.EmbeddingModel;
import dev.quizbot.grading.SentenceModels;

/**
 * Which pending answers say the same thing, so one decision can settle them: cosine
 * similarity of the grader's own sentence vectors at or above the configured bar. Without a
 * sentence model only answers equal up to case, spacing and punctuation group.
 */
@Component
class AnswerGroups {

    private final Optional<EmbeddingModel> model;
    private final double similarity;

    AnswerGroups(SentenceModels.Load sentenceModel, ReviewProperties properties) {
        this.model = sentenceModel.loaded();
        this.similarity = properties.groupSimilarity();
    }

    /** A candidate answer to group with the lead. */
    record Candidate<T>(T item, String text) {
    }

    /** The candidates close enough in meaning to the lead's text, in the order given. */
    <T> List<T> closeTo(String lead, List<Candidate<T>> candidates) {
        List<T> close = new ArrayList<>();
        if (candidates.isEmpty()) {
            return close;
        }
        if (model.isEmpty()) {
            String key = plain(lead);
            candidates.stream().filter(c -> plain(c.text()).equals(key)).forEach(c -> close.add(c.item()));
            return close;
        }
        float[] leadVector = model.get().embed(lead);
        for (Candidate<T> c : candidates) {
            if (EmbeddingModel.cosine(leadVector, model.get().embed(c.text())) >= similarity) {
                close.add(c.item());
            }
        }
        return close;
    }

    private static String plain(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
