package dev.quizbot.discord;

import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;

/** Turns what Discord refused into a sentence a server admin can act on. */
final class DiscordFailures {

    private DiscordFailures() {
    }

    static String describe(Throwable failure, String channelId) {
        String channel = "<#" + channelId + ">";
        return switch (failure) {
            case InsufficientPermissionException missing ->
                    "quizbot is missing the " + missing.getPermission().getName() + " permission in " + channel;
            case ErrorResponseException error -> switch (error.getErrorResponse()) {
                case MISSING_PERMISSIONS -> "quizbot is missing a permission in " + channel
                        + " (it needs View Channel, Send Messages and Embed Links)";
                case MISSING_ACCESS -> "quizbot cannot see " + channel + " (View Channel is denied)";
                case UNKNOWN_CHANNEL -> "channel " + channel + " no longer exists";
                case UNKNOWN_MESSAGE -> "the question message in " + channel + " was deleted";
                default -> "Discord refused: " + error.getMeaning() + " (code " + error.getErrorCode() + ")";
            };
            default -> "could not reach Discord: " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        };
    }
}
