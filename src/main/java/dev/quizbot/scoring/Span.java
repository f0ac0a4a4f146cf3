package dev.quizbot.scoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import dev.quizbot.chat.Period;

/**
 * A leaderboard window as stored: calendar day, ISO week (Monday first), calendar month, or
 * all time, each identified by its first local day in the community's timezone.
 */
public enum Span {
    DAY, WEEK, MONTH, ALL;

    static final LocalDate ALL_TIME = LocalDate.of(1970, 1, 1);

    public static Span of(Period period) {
        return switch (period) {
            case TODAY -> DAY;
            case WEEK -> WEEK;
            case MONTH -> MONTH;
            case ALL -> ALL;
        };
    }

    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case ALL -> ALL_TIME;
        };
    }
}
