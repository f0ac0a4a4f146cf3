package dev.quizbot.slack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small helpers for Slack's mrkdwn: escaping user text, dates each reader sees in their own timezone. */
final class SlackText {

    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

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
