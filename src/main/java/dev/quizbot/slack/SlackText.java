package dev.quizbot.slack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers for Slack's mrkdwn: escaping user text, dates each reader sees in their own timezone. */
final class SlackText {

    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** {@code <@U123|alice>}, {@code <#C123|general>}, {@code <https://x|label>}, {@code <!here>}... */
    private static final Pattern CONTROL = Pattern.compile("<([@#!]?)([^>|]*)(?:\\|([^>]*))?>");

    /** Section text is capped by Slack at 3000 characters. */
    static final int SECTION_LIMIT = 3000;

    private SlackText() {
    }

    /** Slack treats only these three as control characters in mrkdwn. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A date Slack renders in each reader's own timezone, with a UTC fallback for clients that
     * cannot: {@code <!date^epoch^{date_short_pretty} at {time}|2026-11-23 14:05 UTC>}.
     */
    /**
     * Slash-command text as the person meant it: Slack sends mentions as {@code <@U123|alice>}
     * (the command escapes entities); users and channels become their ids, which the core takes
     * as names are ambiguous, links their label, and entities their characters.
     */
    static String plainCommandText(String text) {
        Matcher m = CONTROL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = m.group(1);
            String value = m.group(2);
            String label = m.group(3);
            String plain = switch (kind) {
                case "@", "#" -> value;
                case "!" -> label != null ? label : "@" + value;
                default -> label != null ? label : value;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(plain));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String date(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} at {time}|"
                + FALLBACK.format(instant) + ">";
    }

    static String mention(String userId) {
        return "<@" + userId + ">";
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String points(double points) {
        return points == Math.rint(points) ? String.format(Locale.ROOT, "%.0f", points)
                : String.format(Locale.ROOT, "%.1f", points);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
