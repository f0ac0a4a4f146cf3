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

    /** "9 min", "1 h 5 min", "2 days 3 h", "less than a minute"; rounded down, never negative. */
    public static String left(Duration left) {
        if (left.isNegative() || left.toMinutes() < 1) {
            return "less than a minute";
        }
        if (left.toDays() > 0) {
            long days = left.toDays();
            return days + (days == 1 ? " day" : " days") + (left.toHoursPart() > 0 ? " " + left.toHoursPart() + " h" : "");
        }
        if (left.toHours() > 0) {
            return left.toHours() + " h" + (left.toMinutesPart() > 0 ? " " + left.toMinutesPart() + " min" : "");
        }
        return left.toMinutes() + " min";
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
