package dev.quizbot.grading;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quizbot.grading.*}.
 *
 * @param model the sentence model that judges meaning: {@code all-minilm-l6-v2-q} (default,
 *              fastest), {@code bge-small-en-v15-q}, or {@code none} for key concepts only
 * @param provisionalBelow grades the grader is less sure of than this (0.5-1) are marked provisional
 */
@ConfigurationProperties("quizbot.grading")
public record GradingProperties(@DefaultValue("all-minilm-l6-v2-q") SentenceModel model,
                                @DefaultValue("0.65") double provisionalBelow) {

    public GradingProperties {
        if (provisionalBelow < 0 || provisionalBelow > 1) {
            throw new IllegalArgumentException("quizbot.grading.provisional-below must be between 0 and 1, was " + provisionalBelow);
        }
    }
}
