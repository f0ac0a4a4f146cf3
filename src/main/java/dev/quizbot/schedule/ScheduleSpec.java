package dev.quizbot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a schedule posts: {@code daily HH:MM} or a Spring cron expression (six fields:
 * second minute hour day-of-month month day-of-week, or a macro like {@code @daily}), read as
 * wall-clock time in an IANA timezone.
 *
 * <p>Slots are computed on local time and then placed in the zone, so a daily schedule posts
 * exactly once every day across DST changes: a time that does not exist on the spring-forward
 * day posts at the same moment shifted by the gap (02:30 becomes 03:30), and a time that
 * occurs twice on the fall-back day posts only at its first occurrence.
 */
record ScheduleSpec(String text, String cron, CronExpression expression, ZoneId zone) {

    static final int MAX_LENGTH = 120;
    private static final Pattern DAILY = Pattern.compile("(?i)daily\\s+(\\d{1,2}):(\\d{2})");
    private static final int MAX_STEPS = 10_000;

    /** Why a spec or zone was rejected, ready to show to the admin who typed it. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static ScheduleSpec parse(String when, String zoneText) throws Invalid {
        String text = when == null ? "" : when.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new Invalid("Say when: `daily HH:MM` or a cron expression.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new Invalid("That schedule is " + text.length() + " characters; the limit is " + MAX_LENGTH + ".");
        }
        ZoneId zone = zone(zoneText);
        String cron;
        Matcher daily = DAILY.matcher(text);
        if (daily.matches()) {
            int hour = Integer.parseInt(daily.group(1));
            int minute = Integer.parseInt(daily.group(2));
            if (hour > 23 || minute > 59) {
                throw new Invalid("'" + text + "' is not a time of day: use 24-hour HH:MM, 00:00 to 23:59.");
            }
            cron = "0 " + minute + " " + hour + " * * *";
            text = String.format(Locale.ROOT, "daily %02d:%02d", hour, minute);
        } else if (text.toLowerCase(Locale.ROOT).startsWith("daily")) {
            throw new Invalid("'" + text + "' is not `daily HH:MM` (24-hour time, like daily 09:00).");
        } else {
            cron = text;
        }
        CronExpression expression;
        try {
            expression = CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new Invalid("'" + text + "' is not a valid cron expression (" + e.getMessage() + "). Use six fields,"
                    + " second minute hour day-of-month month day-of-week, like \"0 0 9 * * MON-FRI\", or daily HH:MM.");
        }
        ScheduleSpec spec = new ScheduleSpec(text, cron, expression, zone);
        if (spec.next(Instant.EPOCH.plus(Duration.ofDays(365 * 56))).isEmpty()) {
            throw new Invalid("'" + text + "' never fires.");
        }
        return spec;
    }

    /**
     * Abbreviations people type for a timezone, and the IANA zone they usually mean. They are
     * refused with that suggestion rather than taken: "EST" is a fixed offset that would post an
     * hour off all summer, and "IST" means three different places.
     */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("EST", "America/New_York"), Map.entry("EDT", "America/New_York"),
            Map.entry("CST", "America/Chicago"), Map.entry("CDT", "America/Chicago"),
            Map.entry("MST", "America/Denver"), Map.entry("MDT", "America/Denver"),
            Map.entry("PST", "America/Los_Angeles"), Map.entry("PDT", "America/Los_Angeles"),
            Map.entry("CET", "Europe/Berlin"), Map.entry("CEST", "Europe/Berlin"),
            Map.entry("EET", "Europe/Athens"), Map.entry("EEST", "Europe/Athens"),
            Map.entry("WET", "Europe/Lisbon"), Map.entry("WEST", "Europe/Lisbon"),
            Map.entry("BST", "Europe/London"), Map.entry("IST", "Asia/Kolkata"),
            Map.entry("JST", "Asia/Tokyo"), Map.entry("AEST", "Australia/Sydney"), Map.entry("AET", "Australia/Sydney"));

    /** An IANA zone by its name in any case ("utc", "europe/berlin"). */
    static ZoneId zone(String zoneText) throws Invalid {
        String text = zoneText == null ? "" : zoneText.strip();
        if (text.isEmpty()) {
            throw new Invalid("Give a timezone, an IANA name like Europe/Berlin or America/New_York.");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (ABBREVIATIONS.containsKey(upper)) {
            throw new Invalid("'" + text + "' is an abbreviation, not a timezone that follows daylight saving."
                    + " Use an IANA name: did you mean " + ABBREVIATIONS.get(upper) + "?");
        }
        Optional<String> exact = text.length() > 60 ? Optional.empty()
                : upper.equals("UTC") ? Optional.of("UTC")
                : ZoneId.getAvailableZoneIds().stream().filter(z -> z.equalsIgnoreCase(text)).findFirst();
        if (exact.isEmpty()) {
            Optional<String> close = dev.quizbot.round.RoundService.closestName(text, ZoneId.getAvailableZoneIds());
            throw new Invalid("Unknown timezone '" + text + "'. Use an IANA name like Europe/Berlin or America/New_York"
                    + close.map(z -> " (did you mean " + z + "?)").orElse("") + ".");
        }
        return ZoneId.of(exact.get());
    }

    /** The first slot strictly after {@code after}, or empty if the expression never fires again. */
    Optional<Instant> next(Instant after) {
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        for (int i = 0; i < MAX_STEPS; i++) {
            LocalDateTime candidate = expression.next(local);
            if (candidate == null) {
                return Optional.empty();
            }
            Instant slot = ZonedDateTime.ofLocal(candidate, zone, null).toInstant();
            if (slot.isAfter(after)) {
                return Optional.of(slot);
            }
            local = candidate;
        }
        return Optional.empty();
    }

    /** The shortest gap between posts over the next many slots, to refuse schedules that would flood a channel. */
    Duration shortestGap(Instant from) {
        Duration shortest = Duration.ofDays(36_500);
        Optional<Instant> previous = next(from);
        for (int i = 0; i < 200 && previous.isPresent(); i++) {
            Optional<Instant> following = next(previous.get());
            if (following.isEmpty()) {
                break;
            }
            Duration gap = Duration.between(previous.get(), following.get());
            if (gap.compareTo(shortest) < 0) {
                shortest = gap;
            }
            previous = following;
        }
        return shortest;
    }
}
