package dev.quizbot.practice;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.HelpTexts;
import dev.quizbot.chat.Reply;
import dev.quizbot.round.AnnouncementPublisher;
import dev.quizbot.round.RoundService;
import dev.quizbot.schedule.ScheduleProperties;

/**
 * {@code practice remind HH:MM zone}: a private nudge once a day at that local time when the
 * player has practice questions due. The rules are the schedules' own: a time that does not
 * exist on a spring-forward day fires when the clock has jumped, a doubled one fires once, a
 * nudge missed while quizbot was down goes out late within {@code quizbot.schedules.grace} and
 * is skipped after that, and a day is claimed by one conditional update, so two instances
 * never both send it.
 */
@Component
class PracticeReminders {

    private static final Logger log = LoggerFactory.getLogger(PracticeReminders.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("H:mm");

    private final PracticeRepository repository;
    private final AnnouncementPublisher announcements;
    private final ScheduleProperties schedules;
    private final Clock clock;

    PracticeReminders(PracticeRepository repository, AnnouncementPublisher announcements,
                      ScheduleProperties schedules, Clock clock) {
        this.repository = repository;
        this.announcements = announcements;
        this.schedules = schedules;
        this.clock = clock;
    }

    Reply set(Caller caller, String time, String zoneName) {
        LocalTime at;
        try {
            at = LocalTime.parse(time.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            return new Reply.Refused("'" + time + "' is not a time: use 24-hour HH:MM, like 08:30.",
                    HelpTexts.PRACTICE_REMIND.usage());
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName.strip());
        } catch (DateTimeException e) {
            return new Reply.Refused("'" + zoneName + "' is not a timezone quizbot knows: use an IANA name like"
                    + " Europe/Berlin, America/New_York or UTC.", HelpTexts.PRACTICE_REMIND.usage());
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        // a time already past today starts tomorrow, rather than nudging the moment it is set
        Optional<LocalDate> lastSent = slot(today, at, zone).isAfter(now) ? Optional.empty() : Optional.of(today);
        String hhmm = at.format(DateTimeFormatter.ofPattern("HH:mm"));
        repository.saveReminder(new PracticeRepository.Reminder(RoundService.communityKey(caller.channel()),
                caller.userId(), caller.channel(), hhmm, zone.getId(), lastSent));
        return new Reply.Done("Practice reminder set: " + hhmm + " " + zone.getId()
                + ", a private message on days when questions are due. `practice remind off` stops it.");
    }

    Reply off(Caller caller) {
        return repository.deleteReminder(RoundService.communityKey(caller.channel()), caller.userId())
                ? new Reply.Done("Practice reminder off.")
                : new Reply.Refused("You have no practice reminder.", HelpTexts.PRACTICE_REMIND.usage());
    }

    /** Sends the nudges whose time has come; returns how many went out. Safe on several instances at once. */
    int fireDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (PracticeRepository.Reminder reminder : repository.reminders()) {
            try {
                if (fire(reminder, now)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Practice reminder for {} in {} failed: {}", reminder.userId(), reminder.communityKey(),
                        e.toString());
            }
        }
        return sent;
    }

    private boolean fire(PracticeRepository.Reminder reminder, Instant now) {
        ZoneId zone = ZoneId.of(reminder.zone());
        LocalTime at = LocalTime.parse(reminder.time());
        LocalDate today = now.atZone(zone).toLocalDate();
        // yesterday too: a late-evening time missed just before midnight may still be within grace
        for (LocalDate day : List.of(today, today.minusDays(1))) {
            if (reminder.lastSent().filter(last -> !last.isBefore(day)).isPresent()) {
                return false;
            }
            Instant slot = slot(day, at, zone);
            if (slot.isAfter(now)) {
                continue;
            }
            if (Duration.between(slot, now).compareTo(schedules.grace()) > 0) {
                if (day.equals(today)) {
                    log.info("Practice reminder for {} at {} skipped: more than {} late", reminder.userId(), slot,
                            schedules.grace());
                    repository.claim(reminder.communityKey(), reminder.userId(), day);
                }
                return false;
            }
            if (!repository.claim(reminder.communityKey(), reminder.userId(), day)) {
                return false;
            }
            int due = repository.dueBefore(reminder.communityKey(), reminder.userId(), now);
            if (due == 0) {
                return false;
            }
            announcements.publish(new Announcement.PracticeReminder(reminder.channel(), reminder.userId(), due));
            return true;
        }
        return false;
    }

    /** ZonedDateTime.of moves a time in a spring-forward gap forward by the gap and takes the earlier of doubled times. */
    private static Instant slot(LocalDate day, LocalTime at, ZoneId zone) {
        return ZonedDateTime.of(day, at, zone).toInstant();
    }
}
