package dev.quizbot.scoring;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code quizbot.scoring.*}.
 *
 * @param defaultZone the timezone of leaderboard windows for a community that has no schedule
 *                    yet (a community takes the zone of its first schedule); the machine's
 *                    zone when not set
 */
@ConfigurationProperties("quizbot.scoring")
public record ScoringProperties(ZoneId defaultZone) {

    public ScoringProperties {
        if (defaultZone == null) {
            defaultZone = ZoneId.systemDefault();
        }
    }
}
