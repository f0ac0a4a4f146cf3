package dev.quizbot.grading;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quizbot.grading.*}.
 *
 * @param model the sentence model that judges meaning: {@code all-minilm-l6-v2-q} (default,
 *              fastest), {@code bge-small-en-v15-q}, or {@code none} for key concepts only
 */
@ConfigurationProperties("quizbot.grading")
public record GradingProperties(@DefaultValue("all-minilm-l6-v2-q") SentenceModel model) {
}
