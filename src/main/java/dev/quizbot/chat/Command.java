package dev.quizbot.chat;

import java.util.Optional;

import dev.quizbot.bank.Difficulty;

/**
 * Everything a user can ask quizbot to do, one vocabulary for every platform. Adapters build
 * these from slash-command options or parse them from text with {@link CommandParser}.
 */
public sealed interface Command {

    record Ask(Optional<String> topic, Optional<Difficulty> difficulty) implements Command {
    }

    /** An answer to a round; {@code roundId} empty means the channel's open round. */
    record Answer(Optional<Long> roundId, String text) implements Command {
    }

    /** Without a scope or window a leaderboard is the channel's this week, on every platform. */
    record Leaderboard(Scope scope, Period period) implements Command {
        public static final Scope DEFAULT_SCOPE = Scope.CHANNEL;
        public static final Period DEFAULT_PERIOD = Period.WEEK;
    }

    /** Shows the community's boards on the web page, or stops showing them; admin only. */
    record LeaderboardPublish(boolean on) implements Command {
    }

    /** {@code user} empty means the caller; otherwise a user id or display name. */
    record Stats(Optional<String> user) implements Command {
    }

    record Topics() implements Command {
    }

    /** Shows the channel's open question again, with the time it has left. */
    record Question() implements Command {
    }

    record TeamCreate(String name) implements Command {
    }

    record TeamJoin(String name) implements Command {
    }

    record TeamLeave() implements Command {
    }

    record TeamList() implements Command {
    }

    /** {@code when} is "daily HH:MM" or a cron expression; admin only. */
    record ScheduleSet(String when, String zone, Optional<String> topic, Optional<Difficulty> difficulty)
            implements Command {
    }

    record ScheduleList() implements Command {
    }

    record ScheduleRemove(long id) implements Command {
    }

    /** Re-reads the question bank; admin only. */
    record ReloadBank() implements Command {
    }

    record Help() implements Command {
    }

    /** Starts (or restarts) the caller's private practice session. */
    record PracticeStart(Optional<String> topic, Optional<Difficulty> difficulty) implements Command {
    }

    /** Answers the question of the caller's practice session. */
    record PracticeAnswer(String text) implements Command {
    }

    record PracticeStop() implements Command {
    }

    /** {@code time} is "HH:MM" and {@code zone} an IANA name: a daily private nudge when questions are due. */
    record PracticeRemind(String time, String zone) implements Command {
    }

    record PracticeRemindOff() implements Command {
    }

    /** The caller's last incorrect or partial answers, optionally in one topic. */
    record ReviewMistakes(Optional<String> topic) implements Command {
    }

    /**
     * Contests the grade of the caller's own answer: to round {@code roundId}, or with none to
     * their latest answer in the channel; {@code reason} is optional.
     */
    record Appeal(Optional<Long> roundId, Optional<String> reason) implements Command {
    }

    /** A review-queue command; admin only. */
    record Review(ReviewAction action) implements Command {
    }
}
