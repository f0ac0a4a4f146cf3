package dev.quizbot.chat;

import java.util.List;

/**
 * What the core answers to a command. Adapters render each kind their own way (embed, Block
 * Kit, coloured text); {@link #isPrivate()} says whether only the caller may see it.
 */
public sealed interface Reply {

    boolean isPrivate();

    /** A plain confirmation ("Joined team Tensor Titans."). */
    record Done(String message) implements Reply {
        public boolean isPrivate() {
            return true;
        }
    }

    /** The command could not be carried out; {@code usage} shows the right form when relevant. */
    record Refused(String reason, String usage) implements Reply {
        public boolean isPrivate() {
            return true;
        }
    }

    /** A question was posted (the post itself arrives as a {@link Announcement.RoundOpened}). */
    record RoundStarted(Views.Question question) implements Reply {
        public boolean isPrivate() {
            return true;
        }
    }

    /** Graded feedback, for the answerer's eyes only until the round closes. */
    record Feedback(Views.Feedback feedback) implements Reply {
        public boolean isPrivate() {
            return true;
        }
    }

    record Leaderboard(Views.Leaderboard board) implements Reply {
        public boolean isPrivate() {
            return false;
        }
    }

    record Stats(Views.Stats stats) implements Reply {
        public boolean isPrivate() {
            return true;
        }
    }

    record Topics(List<Views.Topic> topics) implements Reply {
        public boolean isPrivate() {
            return true;
        }
    }

    record Teams(List<Views.Team> teams) implements Reply {
        public boolean isPrivate() {
            return true;
        }
    }

    record Schedules(List<Views.Schedule> schedules) implements Reply {
        public boolean isPrivate() {
            return true;
        }
    }

    record Help(List<Views.CommandHelp> commands) implements Reply {
        public boolean isPrivate() {
            return true;
        }
    }
}
