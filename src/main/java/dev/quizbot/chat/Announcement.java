package dev.quizbot.chat;

/**
 * What the core announces on its own, as Spring application events: adapters listen, pick
 * the announcements for their platform by {@link ChannelRef#platform()}, and render them.
 * The core never calls an adapter.
 */
public sealed interface Announcement {

    ChannelRef channel();

    /** A question was posted to a channel, on demand or by a schedule. */
    record RoundOpened(ChannelRef channel, Views.Question question, boolean scheduled) implements Announcement {
    }

    /** Someone answered; adapters coalesce these into edits of the question post. */
    record AnswerCountChanged(ChannelRef channel, long roundId, int answerCount) implements Announcement {
    }

    /** A round longer than a few minutes closes within the minute: last call for answers. */
    record ClosingSoon(ChannelRef channel, Views.Question question) implements Announcement {
    }

    /** The round closed: time for the reveal. */
    record RoundClosed(ChannelRef channel, Views.Reveal reveal) implements Announcement {
    }

    /**
     * A player's daily practice nudge: {@code due} questions are due. Goes to the player alone
     * (a direct message); {@code channel} is where the reminder was set, naming the platform.
     */
    record PracticeReminder(ChannelRef channel, String userId, int due) implements Announcement {
    }

    /**
     * An answer stored before a crash and graded only afterwards (at start-up or at its
     * round's reveal): tell {@code userId} alone, since nobody saw this grade yet.
     */
    record LateGrade(ChannelRef channel, String userId, Views.Feedback feedback) implements Announcement {
    }

    /**
     * A message for {@code userId} alone (a regrade, the answer to an appeal), delivered as a
     * direct message; {@code channel} is where it concerns, naming platform and community.
     */
    record PrivateNotice(ChannelRef channel, String userId, String text) implements Announcement {
    }

    /** A schedule could not post (unknown channel, no questions left...); tell whoever set it. */
    record ScheduleFailed(ChannelRef channel, long scheduleId, String ownerUserId, String reason)
            implements Announcement {
    }
}
