package dev.quizbot.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quizbot.review.*}.
 *
 * @param appealWindow    how long after a round closes its answers may be appealed (while it is
 *                        open they always may)
 * @param groupSimilarity pending answers to the same question whose sentence vectors are at
 *                        least this close (cosine, 0-1) are shown and decided as one group
 * @param webLinkTtl      how long a link from {@code review web} opens the queue's web page
 */
@ConfigurationProperties("quizbot.review")
public record ReviewProperties(@DefaultValue("7d") Duration appealWindow,
                               @DefaultValue("0.85") double groupSimilarity,
                               @DefaultValue("1h") Duration webLinkTtl) {

    public ReviewProperties {
        if (appealWindow.isNegative()) {
            throw new IllegalArgumentException("quizbot.review.appeal-window must not be negative, was " + appealWindow);
        }
        if (!webLinkTtl.isPositive()) {
            throw new IllegalArgumentException("quizbot.review.web-link-ttl must be positive, was " + webLinkTtl);
        }
        if (groupSimilarity <= 0 || groupSimilarity > 1) {
            throw new IllegalArgumentException("quizbot.review.group-similarity must be above 0 and at most 1, was "
                    + groupSimilarity);
        }
    }
}
