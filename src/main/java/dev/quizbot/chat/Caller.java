package dev.quizbot.chat;

/**
 * Who gave a command and where. The adapter decides {@code admin} from the platform's own
 * permissions (Manage Server on Discord, workspace admin on Slack); the core only checks it.
 */
public record Caller(ChannelRef channel, String userId, String displayName, boolean admin) {
}
