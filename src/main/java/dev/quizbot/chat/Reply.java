package dev.quizbot.chat;

import java.util.List;
import java.util.Optional;

/**
 * What the core answers to a command. Adapters render each kind their own way (embed, Block
 * Kit, coloured text); {@link #isPrivate()} says whether only the caller may see it.
 */
public sealed interface Reply {

    /** Leaderboards are for the channel; every other reply is for the caller's eyes only. */
    default boolean isPrivate() {
        return !(this instanceof Leaderboard);
    }

    /** A plain confirmation ("Joined team Tensor Titans."). */
    record Done(String message) implements Reply {
    }

    /** The command could not be carried out; {@code usage} shows the right form when relevant. */
    record Refused(String reason, String usage) implements Reply {
    }

    /** A question was posted (the post itself arrives as a {@link Announcement.RoundOpened}). */
    record RoundStarted(Views.Question question) implements Reply {
    }

    /**
     * Graded feedback, for the answerer's eyes only until the round closes; {@code question} is
     * the round answered, for the time it has left.
     */
    record Feedback(Views.Feedback feedback, Optional<Views.Question> question) implements Reply {
        public Feedback(Views.Feedback feedback) {
            this(feedback, Optional.empty());
        }
    }

    /**
     * The channel's open question shown again to the caller ({@code question}, or {@code ask}
     * while a round is open, then {@code alreadyOpen}), with the time it has left.
     */
    record OpenQuestion(Views.Question question, boolean alreadyOpen) implements Reply {
    }

    record Leaderboard(Views.Leaderboard board) implements Reply {
    }

    /** {@code practice} is present only on a player's own stats: practice is private. */
    record Stats(Views.Stats stats, java.util.Optional<Views.PracticeStats> practice) implements Reply {
        public Stats(Views.Stats stats) {
            this(stats, java.util.Optional.empty());
        }
    }

    /**
     * A practice step: the grade of the answer just given (absent when the session starts)
     * and the next question (absent when there is none); {@code note} says what happened.
     */
    record Practice(java.util.Optional<Views.PracticeResult> result, java.util.Optional<Views.PracticeQuestion> next,
                    String note) implements Reply {
    }

    record Mistakes(java.util.Optional<String> topic, List<Views.Mistake> mistakes) implements Reply {
    }

    record Topics(List<Views.Topic> topics) implements Reply {
    }

    record Teams(List<Views.Team> teams) implements Reply {
    }

    record Schedules(List<Views.Schedule> schedules) implements Reply {
    }

    record Help(List<Views.CommandHelp> commands) implements Reply {
    }

    /**
     * An item of the review queue shown to an admin: {@code text} says it all; adapters add
     * Accept, Reject, Skip (and, for a group, Split) controls naming {@code itemId}.
     */
    record ReviewItem(String text, long itemId, boolean grouped) implements Reply {
    }
}
