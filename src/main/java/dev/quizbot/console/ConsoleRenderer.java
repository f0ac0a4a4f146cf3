package dev.quizbot.console;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Times;
import dev.quizbot.chat.Views;
import dev.quizbot.grading.Verdict;

/** Turns replies and announcements into terminal text. */
final class ConsoleRenderer {

    private final Style style;
    private final PracticeText practice;

    ConsoleRenderer(Style style) {
        this.style = style;
        // practice has no community zone of its own; next-review times read in the console's local zone
        this.practice = new PracticeText(style, ZoneId.systemDefault());
    }

    String reply(Reply reply) {
        return switch (reply) {
            case Reply.Done done -> style.paint(Style.GREEN, "✓ ") + done.message();
            case Reply.ReviewItem item -> item.text();
            case Reply.Refused refused -> style.paint(Style.RED, "✗ " + refused.reason())
                    + (refused.usage().isBlank() ? "" : "\n  " + style.paint(Style.DIM, "usage: ")
                    + refused.usage().replace("\n", "\n         "));
            case Reply.RoundStarted started -> style.paint(Style.DIM, "(you started round " + started.question().roundId()
                    + "; answer with: answer <text>)");
            case Reply.Feedback feedback -> feedback(feedback.feedback())
                    + feedback.question().map(q -> "\n  " + style.paint(Style.DIM, "round " + q.roundId() + " "
                    + Times.closing(q.closesAt(), q.timeLeft(), q.zone()) + "; the reveal comes then")).orElse("");
            case Reply.OpenQuestion open -> (open.alreadyOpen() ? style.paint(Style.YELLOW,
                    "A question is already open in this channel: answer it, or ask again once it closes.") + "\n" : "")
                    + question(open.question(), false);
            case Reply.Leaderboard board -> leaderboard(board.board());
            case Reply.Stats stats -> stats(stats.stats()) + stats.practice().map(practice::stats).orElse("");
            case Reply.Practice p -> practice.practice(p);
            case Reply.Mistakes m -> practice.mistakes(m);
            case Reply.Topics topics -> topics.topics().stream()
                    .map(t -> "  " + style.paint(Style.BOLD, t.slug()) + " — " + t.name() + " (" + Views.questionCounts(t) + ")")
                    .collect(Collectors.joining("\n", "Topics:\n", ""));
            case Reply.Teams teams -> teams.teams().isEmpty() ? "No teams yet. `team create NAME` starts one."
                    : teams.teams().stream()
                    .map(t -> "  " + style.paint(Style.BOLD, t.name()) + " — " + t.members()
                            + (t.members() == 1 ? " member, " : " members, ") + points(t.points()) + " pts per active member")
                    .collect(Collectors.joining("\n", "Teams:\n", ""));
            case Reply.Schedules schedules -> schedules.schedules().isEmpty()
                    ? "No schedules in this channel. Admins: schedule set daily 09:00 Europe/Berlin"
                    : schedules.schedules().stream()
                    .map(s -> "  #" + s.id() + "  " + s.when() + " " + s.zone()
                            + s.topic().map(t -> " · " + t).orElse("")
                            + s.difficulty().map(d -> " · " + d.slug()).orElse("")
                            + (s.nextFire() == null ? "  no further posts" : "  next: " + Times.dayAndTime(s.nextFire(), s.zone())))
                    .collect(Collectors.joining("\n", "Schedules:\n", ""));
            case Reply.Help help -> help.commands().stream()
                    .map(c -> "  " + style.paint(Style.BOLD, c.usage()) + (c.adminOnly() ? style.paint(Style.YELLOW, " (admin)") : "")
                            + "\n      " + c.description())
                    .collect(Collectors.joining("\n", "Commands:\n", "\n  " + style.paint(Style.BOLD, "quit")
                            + "\n      Leave the console chat; quizbot keeps running (web page, schedules).\n  "
                            + style.paint(Style.BOLD, "shutdown") + style.paint(Style.YELLOW, " (admin)")
                            + "\n      Stop quizbot."));
        };
    }

    String announcement(Announcement announcement) {
        return switch (announcement) {
            case Announcement.RoundOpened opened -> question(opened.question(), opened.scheduled());
            case Announcement.AnswerCountChanged changed -> style.paint(Style.DIM, "  · round " + changed.roundId()
                    + ": " + changed.answerCount() + (changed.answerCount() == 1 ? " answer" : " answers") + " so far");
            case Announcement.ClosingSoon soon -> style.paint(Style.YELLOW, "⏳ Round " + soon.question().roundId() + " "
                    + Times.closing(soon.question().closesAt(), soon.question().timeLeft(), soon.question().zone())
                    + ": last call for answers (answer <text>).");
            case Announcement.RoundClosed closed -> reveal(closed.reveal());
            case Announcement.PracticeReminder reminder -> practice.reminder(reminder.due());
            case Announcement.LateGrade late -> style.paint(Style.DIM, "Your answer to round " + late.feedback().roundId()
                    + " was stored before a restart and graded after it:") + "\n" + feedback(late.feedback());
            case Announcement.PrivateNotice notice -> style.paint(Style.CYAN, "✉ ") + notice.text();
            case Announcement.ScheduleFailed failed -> style.paint(Style.YELLOW, "⚠ Schedule " + failed.scheduleId()
                    + " could not post: " + failed.reason());
        };
    }

    private String question(Views.Question q, boolean scheduled) {
        return style.paint(Style.CYAN, (scheduled ? "⏰ Scheduled question" : "❓ Question") + " · round " + q.roundId()
                + " · " + q.topicName() + " · " + q.difficulty().slug()) + "\n"
                + style.paint(Style.BOLD, q.text()) + "\n"
                + style.paint(Style.DIM, "Answer with: answer <text> — " + Times.closing(q.closesAt(), q.timeLeft(), q.zone()));
    }

    private String feedback(Views.Feedback f) {
        String colour = f.verdict() == Verdict.CORRECT ? Style.GREEN : f.verdict() == Verdict.PARTIAL ? Style.YELLOW : Style.RED;
        StringBuilder out = new StringBuilder();
        out.append(style.paint(colour, f.verdict().label().toUpperCase(Locale.ROOT) + " · score " + f.score()
                        + "/100 · " + points(f.points()) + " points"))
                .append(style.paint(Style.DIM, " (only you see this until the reveal)"));
        if (!f.conceptsFound().isEmpty()) {
            out.append("\n  hit: ").append(String.join(", ", f.conceptsFound()));
        }
        if (!f.conceptsMissed().isEmpty()) {
            out.append("\n  missed: ").append(String.join(", ", f.conceptsMissed()));
        }
        if (f.explanation() != null && !f.explanation().isBlank()) {
            out.append("\n  ").append(f.explanation());
        }
        for (String note : f.notes()) {
            out.append("\n  ").append(style.paint(Style.DIM, "note: " + note));
        }
        return out.toString();
    }

    private String reveal(Views.Reveal r) {
        StringBuilder out = new StringBuilder(style.paint(Style.CYAN, "🔔 Round " + r.roundId() + " closed") + "\n");
        out.append(style.paint(Style.BOLD, r.question())).append("\n");
        out.append("Answer: ").append(r.referenceAnswer()).append("\n");
        r.commonMistake().ifPresent(m -> out.append(Views.Reveal.COMMON_MISTAKE).append(m).append("\n"));
        out.append(r.answered()).append(r.answered() == 1 ? " answer, " : " answers, ").append(r.correct()).append(" correct");
        if (!r.best().isEmpty()) {
            out.append("\nBest: ").append(r.best().stream().map(a -> a.displayName() + " (" + a.score() + ")")
                    .collect(Collectors.joining(", ")));
        }
        return out.toString();
    }

    private String leaderboard(Views.Leaderboard b) {
        String title = "Leaderboard · " + b.scope().name().toLowerCase(Locale.ROOT) + " · "
                + switch (b.period()) {
                    case TODAY -> "today";
                    case WEEK -> "this week";
                    case MONTH -> "this month";
                    case ALL -> "all time";
                } + " (" + b.zone() + ")";
        if (b.rows().isEmpty()) {
            return style.paint(Style.BOLD, title) + "\n  Nobody has scored yet.";
        }
        StringBuilder out = new StringBuilder(style.paint(Style.BOLD, title));
        for (Views.LeaderboardRow row : b.rows()) {
            out.append("\n").append(row(row, b.caller().map(c -> c.id().equals(row.id())).orElse(false)));
        }
        b.caller().filter(c -> b.rows().stream().noneMatch(r -> r.id().equals(c.id())))
                .ifPresent(c -> out.append("\n  ⋯\n").append(row(c, true)));
        return out.toString();
    }

    private String row(Views.LeaderboardRow row, boolean own) {
        String line = String.format(Locale.ROOT, "%4d. %-24s %8s pts  %d/%d correct", row.rank(), row.name(),
                points(row.points()), row.correct(), row.answers());
        return own ? style.paint(Style.BOLD, line + "  ← you") : line;
    }

    private String stats(Views.Stats s) {
        StringBuilder out = new StringBuilder(style.paint(Style.BOLD, "Stats for " + s.displayName()));
        out.append(String.format(Locale.ROOT, "%n  answers %d · correct %d · accuracy %.0f%% · points %s",
                s.answers(), s.correct(), s.accuracy() * 100, points(s.points())));
        out.append("\n  streak ").append(s.streak()).append(" (best ").append(s.bestStreak()).append(")");
        if (!s.strengths().isEmpty()) {
            out.append("\n  strongest: ").append(topics(s.strengths()));
        }
        if (!s.weakSpots().isEmpty()) {
            out.append("\n  weakest: ").append(topics(s.weakSpots()));
        }
        if (s.pending() > 0) {
            out.append("\n  ").append(style.paint(Style.DIM, Views.pendingNote(s.pending())));
        }
        if (!s.reviews().isEmpty()) {
            out.append("\n  reviewed:");
            s.reviews().forEach(line -> out.append("\n    ").append(line));
        }
        return out.toString();
    }

    private static String topics(List<Views.TopicStrength> topics) {
        return topics.stream().map(t -> String.format(Locale.ROOT, "%s %.0f%% of %d", t.topic(), t.accuracy() * 100, t.answers()))
                .collect(Collectors.joining(", "));
    }

    static String points(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.format(Locale.ROOT, "%.1f", points);
    }

}
