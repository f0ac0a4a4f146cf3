package dev.quizbot.chat;

/**
 * A channel on some platform, in the core's own terms. Ids are the platform's, opaque here;
 * {@code platform} ("console", "discord", "slack") keeps ids of different platforms apart.
 *
 * @param community the Discord server (guild) or Slack workspace (team)
 */
public record ChannelRef(String platform, String community, String channel) {

    /** A stable key for storage: "discord:123:456". */
    public String key() {
        return platform + ":" + community + ":" + channel;
    }
}
