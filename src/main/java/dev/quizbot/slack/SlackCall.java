package dev.quizbot.slack;

/**
 * The outcome of one Web API call after rate-limit retries: the response, or Slack's error code
 * ({@code not_in_channel}, {@code channel_not_found}, {@code ratelimited}, {@code io_error}...).
 */
sealed interface SlackCall<T> {

    record Ok<T>(T response) implements SlackCall<T> {
    }

    record Failed<T>(String error) implements SlackCall<T> {

        /** Errors a person can fix by inviting the bot or choosing another channel. */
        boolean channelProblem() {
            return switch (error) {
                case "not_in_channel", "channel_not_found", "is_archived", "restricted_action",
                     "cannot_dm_bot", "messages_tab_disabled" -> true;
                default -> false;
            };
        }
    }
}
