package dev.quizbot.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How times read in chat, the same on every platform: close times and next posts in the
 * community's (or the schedule's) own timezone, with the day when it matters, and time left
 * as a person would say it.
 */
public final class Times {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);

    private Times() {
    }

    /** "Mon 4 May 09:00 CEST". */
    public static String dayAndTime(Instant instant, String zone) {
        return DAY_AND_TIME.withZone(zoneOf(zone)).format(instant);
    }

    /** "14:30 CET". */
    public static String time(Instant instant, String zone) {
        return TIME.withZone(zoneOf(zone)).format(instant);
    }

    /**
     * "9 min", "1 h 5 min", "2 days 3 h"; minutes round up, so the last seconds read "1 min"
     * rather than nothing; "less than a minute" only when no time is left.
     */
    public static String left(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "less than a minute";
        }
        Duration rounded = Duration.ofMinutes((left.getSeconds() + 59) / 60);
        if (rounded.toDays() > 0) {
            long days = rounded.toDays();
            return days + (days == 1 ? " day" : " days") + (rounded.toHoursPart() > 0 ? " " + rounded.toHoursPart() + " h" : "");
        }
        if (rounded.toHours() > 0) {
            return rounded.toHours() + " h" + (rounded.toMinutesPart() > 0 ? " " + rounded.toMinutesPart() + " min" : "");
        }
        return rounded.toMinutes() + " min";
    }

    /** "closes in 9 min (14:30 CET)"; the day is added when the close is more than a day away. */
    public static String closing(Instant closesAt, Duration left, String zone) {
        String at = left.compareTo(Duration.ofHours(20)) > 0 ? dayAndTime(closesAt, zone) : time(closesAt, zone);
        return (left.isNegative() || left.isZero() ? "closing now" : "closes in " + left(left)) + " (" + at + ")";
    }

    private static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException unknown) {
            return ZoneId.of("UTC");
        }
    }
}
