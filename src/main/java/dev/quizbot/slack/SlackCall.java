package dev.quizbot.slack;

/**
 * The outcome of one Web API call after rate-limit retries: the response, or Slack's error code
 * ({@code not_in_channel}, {@code channel_not_found}, {@code ratelimited}, {@code io_error}...).
 */
sealed interface SlackCall<T> {

    record Ok<T>(T response) implements SlackCall<T> {
    }

    /** Slack answered 429 (or {@code ratelimited}) on a single try: not before {@code retryAfter}. */
    record RateLimited<T>(java.time.Duration retryAfter) implements SlackCall<T> {
    }

    record Failed<T>(String error) implements SlackCall<T> {

        /** Errors that may pass: trying again later can work. */
        boolean transientError() {
            return switch (error) {
                case "io_error", "ratelimited", "internal_error", "fatal_error", "service_unavailable",
                     "request_timeout" -> true;
                default -> error.startsWith("http_5");
            };
        }

        /** Errors a person can fix by inviting the bot or choosing another channel. */
        boolean channelProblem() {
            return switch (error) {
                case "not_in_channel", "channel_not_found", "is_archived", "restricted_action",
                     "cannot_dm_bot", "messages_tab_disabled" -> true;
                default -> false;
            };
        }

        /**
         * What went wrong, as a plain sentence for an admin: it becomes the reason the core
         * records for an undelivered round and repeats to a schedule's owner.
         */
        String reason() {
            String code = " (Slack error " + error + ")";
            return switch (error) {
                case "not_in_channel" -> "quizbot is not a member of the channel" + code + "; invite it with /invite @quizbot";
                case "channel_not_found" -> "the channel no longer exists or quizbot cannot see it" + code;
                case "is_archived" -> "the channel is archived" + code;
                case "restricted_action" -> "posting in the channel is restricted by a workspace setting" + code;
                case "ratelimited" -> "Slack kept rate-limiting the post until quizbot gave up" + code;
                case "io_error" -> "Slack could not be reached" + code;
                default -> "Slack refused the post" + code;
            };
        }
    }
}
