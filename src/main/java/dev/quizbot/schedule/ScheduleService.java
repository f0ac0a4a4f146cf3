package dev.quizbot.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Times;
import dev.quizbot.chat.Views;
import dev.quizbot.round.AnnouncementPublisher;
import dev.quizbot.round.OpenOutcome;
import dev.quizbot.round.RoundService;
import dev.quizbot.scoring.CommunityZones;

/**
 * Per-channel schedules and their firing. A slot fires exactly once: the row recording it is
 * inserted in the same transaction as the round it opens, under a primary key of (schedule,
 * slot), so a second instance, a restart or an overlapping tick finds it taken. After
 * downtime only the latest missed slot is posted, and only within the grace period; older
 * slots are skipped and logged.
 */
@Service
public class ScheduleService {

    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);
    /** Missed slots further back than this are not even enumerated after a long downtime. */
    private static final Duration LOOKBACK_LIMIT = Duration.ofDays(400);

    private final ScheduleRepository schedules;
    private final RoundService rounds;
    private final CommunityZones zones;
    private final AnnouncementPublisher announcements;
    private final ScheduleProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    ScheduleService(ScheduleRepository schedules, RoundService rounds, CommunityZones zones,
                    AnnouncementPublisher announcements, ScheduleProperties properties, Clock clock,
                    PlatformTransactionManager transactions) {
        this.schedules = schedules;
        this.rounds = rounds;
        this.zones = zones;
        this.announcements = announcements;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What {@code schedule set} led to. */
    public sealed interface SetOutcome {
        /** {@code clash} says which existing schedule posts at the same moment, when one does. */
        record Created(Views.Schedule schedule, Optional<String> clash) implements SetOutcome {
        }

        record Refused(String reason) implements SetOutcome {
        }
    }

    public SetOutcome set(Caller caller, Command.ScheduleSet command) {
        ScheduleSpec spec;
        try {
            spec = ScheduleSpec.parse(command.when(), command.zone());
        } catch (ScheduleSpec.Invalid e) {
            return new SetOutcome.Refused(e.getMessage());
        }
        Optional<String> topic = rounds.resolveTopic(command.topic());
        Optional<OpenOutcome> problem = rounds.checkFilter(topic, command.difficulty());
        if (problem.isPresent()) {
            return new SetOutcome.Refused(switch (problem.get()) {
                case OpenOutcome.UnknownTopic unknown -> "Unknown topic '" + unknown.topic() + "'"
                        + unknown.suggestion().map(s -> " (did you mean " + s + "?)").orElse("")
                        + ". Topics: " + String.join(", ", unknown.known()) + ".";
                case OpenOutcome.NoEligibleQuestions none -> none.reason();
                case OpenOutcome.NotADifficulty word -> OpenOutcome.notADifficulty(word);
                default -> "That topic and difficulty cannot be scheduled.";
            });
        }
        Instant now = clock.instant();
        Duration gap = spec.shortestGap(now);
        if (gap.compareTo(properties.minInterval()) < 0) {
            return new SetOutcome.Refused("'" + spec.text() + "' would post every " + human(gap)
                    + "; schedules may post at most every " + human(properties.minInterval()) + ".");
        }
        if (schedules.inChannel(caller.channel()).size() >= properties.maxPerChannel()) {
            return new SetOutcome.Refused("This channel already has " + properties.maxPerChannel()
                    + " schedules, the most allowed; `schedule remove ID` one first.");
        }
        Optional<String> clash = clash(caller, spec, now);
        long id = tx.execute(status -> {
            long created = schedules.insert(caller.channel(), spec, topic, command.difficulty(), caller.userId(), now);
            zones.adoptIfUnset(RoundService.communityKey(caller.channel()), spec.zone());
            return created;
        });
        log.info("Schedule {} set in {} by {}: {} {}", id, caller.channel().key(), caller.userId(), spec.text(),
                spec.zone());
        return new SetOutcome.Created(new Views.Schedule(id, spec.text(), spec.zone().getId(), topic,
                command.difficulty(), spec.next(now).orElse(null)), clash);
    }

    /** How far ahead two schedules are compared for a shared moment. */
    private static final Duration CLASH_HORIZON = Duration.ofDays(31);

    /**
     * An existing schedule of the channel that posts at one of the new schedule's moments in
     * the coming month: the later post would close the earlier round at once.
     */
    private Optional<String> clash(Caller caller, ScheduleSpec spec, Instant now) {
        java.util.Set<Instant> mine = slots(spec, now);
        for (ScheduleRepository.Schedule other : schedules.inChannel(caller.channel())) {
            Optional<Instant> shared = spec(other).flatMap(o -> slots(o, now).stream().filter(mine::contains).sorted()
                    .findFirst());
            if (shared.isPresent()) {
                return Optional.of("Schedule " + other.id() + " (" + other.spec() + " " + other.zone()
                        + ") also posts at " + Times.dayAndTime(shared.get(), spec.zone().getId())
                        + "; one post would close the other's round at once. Change one, or `schedule remove "
                        + other.id() + "`.");
            }
        }
        return Optional.empty();
    }

    private static java.util.Set<Instant> slots(ScheduleSpec spec, Instant from) {
        java.util.Set<Instant> slots = new java.util.HashSet<>();
        Instant end = from.plus(CLASH_HORIZON);
        for (Optional<Instant> slot = spec.next(from); slot.isPresent() && slot.get().isBefore(end)
                && slots.size() < 2_000; slot = spec.next(slot.get())) {
            slots.add(slot.get());
        }
        return slots;
    }

    public List<Views.Schedule> list(Caller caller) {
        Instant now = clock.instant();
        return schedules.inChannel(caller.channel()).stream().map(s -> view(s, now)).toList();
    }

    /**
     * Removes a schedule of the caller's channel; empty on success, else why not. A schedule of
     * another channel or community gets the same answer as an unknown id.
     */
    public Optional<String> remove(Caller caller, long id) {
        Optional<ScheduleRepository.Schedule> found = schedules.find(id)
                .filter(s -> s.channel().equals(caller.channel()));
        if (found.isEmpty()) {
            return Optional.of("There is no schedule " + id + " here; `schedule list` shows this channel's schedules.");
        }
        schedules.delete(id);
        log.info("Schedule {} removed by {}", id, caller.userId());
        return Optional.empty();
    }

    private Views.Schedule view(ScheduleRepository.Schedule s, Instant now) {
        Instant next = spec(s).flatMap(spec -> spec.next(now)).orElse(null);
        return new Views.Schedule(s.id(), s.spec(), s.zone(), s.topic(), s.difficulty(), next);
    }

    private static Optional<ScheduleSpec> spec(ScheduleRepository.Schedule s) {
        try {
            return Optional.of(ScheduleSpec.parse(s.spec(), s.zone()));
        } catch (ScheduleSpec.Invalid e) {
            return Optional.empty();
        }
    }

    /** Posts every slot that is due; returns how many rounds it opened. */
    public int fireDue() {
        int posted = 0;
        for (ScheduleRepository.Schedule schedule : schedules.all()) {
            try {
                if (fire(schedule)) {
                    posted++;
                }
            } catch (RuntimeException e) {
                log.error("Schedule {} in {} could not fire: {}", schedule.id(), schedule.channel().key(), e.toString(), e);
            }
        }
        return posted;
    }

    private boolean fire(ScheduleRepository.Schedule schedule) {
        Optional<ScheduleSpec> parsed = spec(schedule);
        if (parsed.isEmpty()) {
            log.warn("Schedule {} has an unreadable spec '{}' {}; ignoring it", schedule.id(), schedule.spec(), schedule.zone());
            return false;
        }
        ScheduleSpec spec = parsed.get();
        Instant now = clock.instant();
        Instant from = schedules.lastSlot(schedule.id()).orElse(schedule.createdAt());
        if (from.isBefore(now.minus(LOOKBACK_LIMIT))) {
            from = now.minus(LOOKBACK_LIMIT);
        }
        Instant latest = null;
        Instant firstMissed = null;
        int missed = 0;
        for (Optional<Instant> slot = spec.next(from); slot.isPresent() && !slot.get().isAfter(now);
             slot = spec.next(slot.get())) {
            if (latest != null) {
                missed++;
                if (firstMissed == null) {
                    firstMissed = latest;
                }
            }
            latest = slot.get();
        }
        if (latest == null) {
            return false;
        }
        if (missed > 0) {
            log.warn("Schedule {} in {} missed {} slot(s) from {} while quizbot was not running; skipped them",
                    schedule.id(), schedule.channel().key(), missed, firstMissed);
        }
        Duration late = Duration.between(latest, now);
        if (late.compareTo(properties.grace()) > 0) {
            log.warn("Schedule {} in {}: slot {} is {} late, beyond the grace period of {}; skipped",
                    schedule.id(), schedule.channel().key(), latest, human(late), human(properties.grace()));
            claimQuietly(schedule.id(), latest, now, ScheduleRepository.Outcome.SKIPPED, "late by " + human(late));
            return false;
        }
        return post(schedule, spec, latest, now);
    }

    private boolean post(ScheduleRepository.Schedule schedule, ScheduleSpec spec, Instant slot, Instant now) {
        Instant closesAt = spec.next(slot).orElse(slot.plus(Duration.ofDays(1)));
        OpenOutcome outcome;
        try {
            outcome = tx.execute(status -> {
                schedules.claim(schedule.id(), slot, now, ScheduleRepository.Outcome.POSTED, null);
                OpenOutcome opened = rounds.openScheduled(schedule.channel(), schedule.topic(), schedule.difficulty(),
                        schedule.id(), closesAt);
                if (opened instanceof OpenOutcome.Opened o) {
                    schedules.settle(schedule.id(), slot, ScheduleRepository.Outcome.POSTED, o.round().id(), null);
                } else {
                    String reason = reason(opened);
                    schedules.settle(schedule.id(), slot, ScheduleRepository.Outcome.FAILED, null, reason);
                    announcements.publish(new Announcement.ScheduleFailed(schedule.channel(), schedule.id(),
                            schedule.ownerUserId(), reason));
                }
                return opened;
            });
        } catch (DuplicateKeyException taken) {
            log.debug("Slot {} of schedule {} was already fired elsewhere", slot, schedule.id());
            return false;
        } catch (DataAccessException contended) {
            // another instance holds the slot row; it either commits (done) or the next tick retries
            log.info("Slot {} of schedule {} is being fired elsewhere: {}", slot, schedule.id(), contended.getMessage());
            return false;
        }
        if (outcome instanceof OpenOutcome.Opened) {
            log.info("Schedule {} posted its {} slot in {}", schedule.id(), slot, schedule.channel().key());
            return true;
        }
        log.warn("Schedule {} in {} could not post its {} slot: {}", schedule.id(), schedule.channel().key(), slot,
                reason(outcome));
        return false;
    }

    private void claimQuietly(long scheduleId, Instant slot, Instant now, ScheduleRepository.Outcome outcome,
                              String detail) {
        try {
            schedules.claim(scheduleId, slot, now, outcome, detail);
        } catch (DataAccessException alreadyRecorded) {
            // recorded by another instance
        }
    }

    private static String reason(OpenOutcome outcome) {
        return switch (outcome) {
            case OpenOutcome.NoEligibleQuestions none -> none.reason();
            case OpenOutcome.UnknownTopic unknown -> "the topic '" + unknown.topic() + "' is no longer in the bank";
            case OpenOutcome.NotADifficulty word -> OpenOutcome.notADifficulty(word);
            case OpenOutcome.ChannelBusy busy -> "round " + busy.open().id() + " is still open";
            case OpenOutcome.Opened opened -> "opened round " + opened.round().id();
        };
    }

    static String human(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + "d" + (d.toHoursPart() > 0 ? " " + d.toHoursPart() + "h" : "");
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + "m" : "");
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
