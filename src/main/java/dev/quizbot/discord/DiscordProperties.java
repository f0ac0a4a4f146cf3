package dev.quizbot.discord;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quizbot.discord.*}. The token comes from {@code DISCORD_TOKEN}; without it the adapter stays off.
 *
 * @param token                    the bot token; never logged
 * @param devGuildId               register commands in this server only (instant), instead of globally
 * @param shards                   JDA's shard manager settings; one shard is right below ~2,500 servers
 * @param answerCountEditInterval  at most one live answer-count edit per question post per interval
 * @param coreConcurrency          how many interactions are handed to the core (grading, database) at once;
 *                                 0 (the default) means one fewer than the processors, at least one, so
 *                                 a core stays free for the gateway thread that acknowledges interactions
 * @param restBaseUrl              Discord's REST API root; changed only for a proxy or a local fake
 */
@ConfigurationProperties("quizbot.discord")
public record DiscordProperties(
        String token,
        String devGuildId,
        @DefaultValue Shards shards,
        @DefaultValue("5s") Duration answerCountEditInterval,
        @DefaultValue("0") int coreConcurrency,
        @DefaultValue("https://discord.com/api/v10/") String restBaseUrl) {

    public DiscordProperties {
        if (coreConcurrency < 0) {
            throw new IllegalArgumentException("quizbot.discord.core-concurrency must be 0 (automatic) or more, was "
                    + coreConcurrency);
        }
        if (coreConcurrency == 0) {
            coreConcurrency = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        }
    }

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    /** Keeps the token out of every log line and error message that prints the properties. */
    @Override
    public String toString() {
        return "DiscordProperties[token=" + (enabled() ? "(set)" : "(none)") + ", devGuildId=" + devGuildId
                + ", shards=" + shards + ", answerCountEditInterval=" + answerCountEditInterval
                + ", coreConcurrency=" + coreConcurrency
                + ", restBaseUrl=" + restBaseUrl + "]";
    }

    /**
     * @param total  how many shards the bot runs as; -1 asks Discord for its recommendation
     * @param first  the first shard this instance runs (for splitting shards across instances)
     * @param last   the last shard this instance runs; -1 means up to {@code total - 1}
     */
    public record Shards(@DefaultValue("1") int total, @DefaultValue("0") int first, @DefaultValue("-1") int last) {

        public Shards {
            if (total == 0 || total < -1) {
                throw new IllegalArgumentException("quizbot.discord.shards.total must be positive or -1, was " + total);
            }
            if (first < 0 || (last != -1 && last < first) || (total > 0 && Math.max(first, last) >= total)) {
                throw new IllegalArgumentException("quizbot.discord.shards.first/last must lie within 0.."
                        + (total - 1) + ", were " + first + ".." + last);
            }
        }

        boolean partial() {
            return first != 0 || last != -1;
        }
    }
}
