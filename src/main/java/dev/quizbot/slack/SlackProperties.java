package dev.quizbot.slack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings, bound from {@code quizbot.slack.*} (filled from {@code SLACK_BOT_TOKEN},
 * {@code SLACK_SIGNING_SECRET} and {@code SLACK_APP_TOKEN} in application.yaml).
 *
 * @param botToken            the bot token (xoxb-...); blank switches the adapter off
 * @param signingSecret       verifies HTTP requests; required unless Socket Mode is used
 * @param appToken            app-level token (xapp-...); when set, Socket Mode replaces HTTP
 * @param adminUserGroup      id of a user group (S...) whose members count as quiz admins,
 *                            besides workspace admins and owners
 * @param revealInThread      post the reveal as a reply to the question instead of in the channel
 * @param answerCountInterval the shortest time between two edits of a question's answer count
 * @param alertsChannel       where posting failures of scheduled rounds are reported (optional)
 * @param requestsPerMinute   a flood guard in front of Slack's API: requests per person per minute; by default
 *                            above what the shared quizbot.rate-limit lets through, so that limit is the one players meet
 * @param apiUrl              Web API base URL; only changed to point at a local test server
 */
@ConfigurationProperties("quizbot.slack")
public record SlackProperties(
        String botToken,
        String signingSecret,
        String appToken,
        String adminUserGroup,
        @DefaultValue("false") boolean revealInThread,
        @DefaultValue("5s") Duration answerCountInterval,
        String alertsChannel,
        @DefaultValue("60") int requestsPerMinute,
        @DefaultValue("https://slack.com/api/") String apiUrl) {

    boolean enabled() {
        return present(botToken);
    }

    boolean socketMode() {
        return present(appToken);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Never prints the tokens: property dumps and error messages must not leak them. */
    @Override
    public String toString() {
        return "SlackProperties[botToken=" + mask(botToken) + ", signingSecret=" + mask(signingSecret)
                + ", appToken=" + mask(appToken) + ", adminUserGroup=" + adminUserGroup
                + ", revealInThread=" + revealInThread + ", answerCountInterval=" + answerCountInterval
                + ", alertsChannel=" + alertsChannel + ", requestsPerMinute=" + requestsPerMinute + ", apiUrl=" + apiUrl + "]";
    }

    private static String mask(String secret) {
        return present(secret) ? "****" : "(none)";
    }
}
