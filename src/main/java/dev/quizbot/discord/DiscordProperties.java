package dev.quizbot.discord;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * The shards of the bot and which of them this instance runs. Several instances split one bot
     * by giving each the same {@code total} and its own {@code range}; without a range an instance
     * runs every shard.
     *
     * @param total  how many shards the bot runs as; -1 asks Discord for its recommendation (only
     *               without a range: instances splitting a bot must agree on the total)
     * @param range  the shards this instance runs, {@code min-max} or one shard id; unset means all
     * @param first  the first shard this instance runs (the older spelling of {@code range})
     * @param last   the last shard this instance runs; -1 means up to {@code total - 1}
     */
    public record Shards(@DefaultValue("1") int total, String range, @DefaultValue("0") int first,
                         @DefaultValue("-1") int last) {

        private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,5})\\s*(?:-\\s*(\\d{1,5})\\s*)?");

        public Shards {
            if (total == 0 || total < -1) {
                throw new IllegalArgumentException("quizbot.discord.shards.total must be positive or -1, was " + total);
            }
            if (range != null && !range.isBlank()) {
                if (first != 0 || last != -1) {
                    throw new IllegalArgumentException("Set quizbot.discord.shards.range or quizbot.discord.shards"
                            + ".first/last, not both (range " + range.strip() + ", first/last " + first + ".." + last + ")");
                }
                // bounded so a mistaken value (a pasted file, say) is neither matched nor echoed whole
                String shown = range.length() > 40 ? range.substring(0, 40) + "..." : range;
                Matcher m = RANGE.matcher(range);
                if (range.length() > 40 || !m.matches()) {
                    throw new IllegalArgumentException("quizbot.discord.shards.range must be min-max (e.g. 0-3) or"
                            + " one shard id, was '" + shown + "'");
                }
                first = Integer.parseInt(m.group(1));
                last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
                range = first + "-" + last;
            } else {
                range = null;
            }
            String property = range != null ? "quizbot.discord.shards.range" : "quizbot.discord.shards.first/last";
            boolean partial = range != null || first != 0 || last != -1;
            if (partial && total == -1) {
                throw new IllegalArgumentException(property + " needs a fixed quizbot.discord.shards.total (every"
                        + " instance must use the same one), not -1");
            }
            if (first < 0 || (last != -1 && last < first) || (total > 0 && Math.max(first, last) >= total)) {
                throw new IllegalArgumentException(property + " must lie within 0.." + (total - 1)
                        + " (quizbot.discord.shards.total is " + total + "), was " + first + ".." + last);
            }
        }

        /** Whether this instance runs only some of the shards. */
        boolean partial() {
            return range != null || first != 0 || last != -1;
        }

        /** The first shard this instance runs. */
        int min() {
            return first;
        }

        /** The last shard this instance runs; meaningful when {@link #partial()}, where the total is fixed. */
        int max() {
            return last == -1 ? total - 1 : last;
        }
    }
}
