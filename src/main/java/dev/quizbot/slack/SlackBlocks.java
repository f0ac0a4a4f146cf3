package dev.quizbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static dev.quizbot.slack.SlackText.date;
import static dev.quizbot.slack.SlackText.escape;
import static dev.quizbot.slack.SlackText.mention;
import static dev.quizbot.slack.SlackText.percent;
import static dev.quizbot.slack.SlackText.plural;
import static dev.quizbot.slack.SlackText.points;
import static dev.quizbot.slack.SlackText.truncate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.quizbot.chat.Period;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Scope;
import dev.quizbot.chat.Times;
import dev.quizbot.chat.Views;
import dev.quizbot.grading.Grader;

/**
 * Block Kit for everything quizbot shows in Slack. Pure functions of the core's views, so the
 * look can be tested without Slack; user-supplied text is always escaped.
 */
final class SlackBlocks {

    static final String ANSWER_ACTION = "quiz_answer";
    static final String ANSWER_MODAL = "quiz_answer_modal";
    /** Review-queue buttons: this prefix and accept, reject, skip or split; the value is the item. */
    static final String REVIEW_ACTION = "quiz_review_";
    /** "I think I was right" under round feedback, and the short form it opens. */
    static final String APPEAL_ACTION = "quiz_appeal";
    static final String APPEAL_MODAL = "quiz_appeal_modal";
    static final String APPEAL_BLOCK = "appeal_block";
    static final String APPEAL_INPUT = "reason";
    static final int MAX_APPEAL_REASON = 500;
    static final String ANSWER_BLOCK = "answer_block";
    static final String ANSWER_INPUT = "answer";

    private SlackBlocks() {
    }

    /** A message: blocks plus the plain text notifications and old clients show. */
    record Message(String text, List<LayoutBlock> blocks) {
    }

    // ---- question posts

    static Message question(Views.Question q, boolean open) {
        return question(q, open, false);
    }

    /**
     * A question post; {@code closingSoon} turns its deadline into the last call. Close times
     * are Slack date tokens, which every reader sees in their own timezone.
     */
    static Message question(Views.Question q, boolean open, boolean closingSoon) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(truncate("Quiz: " + q.topicName(), 150)))));
        blocks.add(section(s -> s.text(markdownText(truncate(escape(q.text()), SlackText.SECTION_LIMIT)))));
        String deadline = !open ? "Closed " + date(q.closesAt())
                : closingSoon ? ":hourglass_flowing_sand: *Closing in 1 minute* (" + date(q.closesAt()) + ")"
                : "Answers close " + date(q.closesAt()) + " (in " + Times.left(q.timeLeft()) + ")";
        blocks.add(context(List.of(markdownText("*Topic:* " + escape(q.topicName())
                + "  ·  *Difficulty:* " + q.difficulty().name().toLowerCase(Locale.ROOT)
                + "  ·  " + deadline))));
        blocks.add(context(List.of(markdownText(plural(q.answerCount(), "answer", "answers")
                + (open ? " so far" : "")))));
        if (open) {
            blocks.add(actions(List.of(button(b -> b.actionId(ANSWER_ACTION)
                    .text(plainText("Answer"))
                    .style("primary")
                    .value(Long.toString(q.roundId()))))));
        }
        String text = "Quiz (" + q.topicName() + ", " + q.difficulty().name().toLowerCase(Locale.ROOT)
                + "): " + truncate(q.text(), 300);
        return new Message(text, blocks);
    }

    /** The open question again, for the caller only: as posted, with the time it has left. */
    static Message openQuestion(Reply.OpenQuestion open) {
        Message post = question(open.question(), true);
        List<LayoutBlock> blocks = new ArrayList<>();
        if (open.alreadyOpen()) {
            blocks.add(section(s -> s.text(markdownText(
                    "A question is already open in this channel: answer it, or ask again once it closes."))));
        }
        blocks.addAll(post.blocks());
        Views.Question q = open.question();
        blocks.add(context(List.of(markdownText("Round " + q.roundId() + " "
                + escape(Times.closing(q.closesAt(), q.timeLeft(), q.zone())) + "."))));
        return new Message(post.text(), blocks);
    }

    private static Message withContext(Message message, java.util.Optional<String> line) {
        if (line.isEmpty()) {
            return message;
        }
        List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
        blocks.add(context(List.of(markdownText(escape(line.get())))));
        return new Message(message.text(), blocks);
    }

    static Message reveal(Views.Reveal r) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Answer reveal"))));
        blocks.add(section(s -> s.text(markdownText(truncate("*Q:* " + escape(r.question()), SlackText.SECTION_LIMIT)))));
        blocks.add(section(s -> s.text(markdownText(truncate("*Reference answer:*\n" + escape(r.referenceAnswer()),
                SlackText.SECTION_LIMIT)))));
        r.commonMistake().ifPresent(m -> blocks.add(section(s -> s.text(markdownText(truncate(
                "*" + Views.Reveal.COMMON_MISTAKE.strip() + "* " + escape(m), SlackText.SECTION_LIMIT))))));
        blocks.add(context(List.of(markdownText(plural(r.answered(), "person", "people") + " answered, "
                + r.correct() + " got it right."))));
        if (!r.best().isEmpty()) {
            String best = r.best().stream()
                    .map(a -> mention(a.userId()) + " (" + a.score() + "/100)")
                    .collect(Collectors.joining(", "));
            blocks.add(section(s -> s.text(markdownText(":trophy: Best answers: " + best))));
        }
        return new Message("Answer reveal: " + truncate(r.referenceAnswer(), 300), blocks);
    }

    // ---- the answer modal

    static View answerModal(String questionText, String privateMetadata) {
        return view(v -> v.type("modal")
                .callbackId(ANSWER_MODAL)
                .privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text("Your answer")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Submit")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText(truncate(escape(questionText), SlackText.SECTION_LIMIT)))),
                        input(i -> i.blockId(ANSWER_BLOCK)
                                .label(plainText("Answer as you would in an interview"))
                                .hint(plainText("Graded on the key concepts and the meaning. Only you see the feedback until the round closes."))
                                .element(plainTextInput(p -> p.actionId(ANSWER_INPUT)
                                        .multiline(true)
                                        .maxLength(Grader.MAX_ANSWER_LENGTH)))))));
    }

    /** The appeal control under a round answer's feedback; none for full marks. */
    private static Message withAppeal(Message message, Views.Feedback f) {
        if (f.verdict() == dev.quizbot.grading.Verdict.CORRECT && f.score() == 100) {
            return message;
        }
        List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
        blocks.add(actions(List.of(button(b -> b.actionId(APPEAL_ACTION).value(String.valueOf(f.roundId()))
                .text(plainText("I think I was right"))))));
        return new Message(message.text(), blocks);
    }

    /** The appeal's short form: an optional reason. */
    static View appealModal(long roundId, String privateMetadata) {
        return view(v -> v.type("modal")
                .callbackId(APPEAL_MODAL)
                .privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text("Appeal your grade")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Appeal")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText("An admin will look at your answer to round " + roundId
                                + " again; you'll hear the outcome privately."))),
                        input(i -> i.blockId(APPEAL_BLOCK).optional(true)
                                .label(plainText("Why you think the grade is wrong (optional)"))
                                .element(plainTextInput(p -> p.actionId(APPEAL_INPUT).multiline(true)
                                        .maxLength(MAX_APPEAL_REASON)))))));
    }

    /** What the modal shows between submission and grade. */
    static View gradingModal() {
        return view(v -> v.type("modal")
                .callbackId(ANSWER_MODAL)
                .title(viewTitle(t -> t.type("plain_text").text("Your answer")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(":hourglass_flowing_sand: Grading your answer…"))))));
    }

    /** The modal once the core has answered: feedback, or why the answer was not taken. */
    static View resultModal(Message result) {
        return view(v -> v.type("modal")
                .callbackId(ANSWER_MODAL)
                .title(viewTitle(t -> t.type("plain_text").text("Your answer")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(result.blocks()));
    }

    // ---- replies

    static Message reply(Reply reply) {
        return switch (reply) {
            case Reply.Done d -> text(":white_check_mark: " + escape(d.message()));
            case Reply.ReviewItem item -> reviewItem(item);
            case Reply.Refused r -> refused(r);
            case Reply.RoundStarted s -> text(":mega: Question posted. Answers close " + date(s.question().closesAt()) + ".");
            case Reply.Feedback f -> withAppeal(withContext(feedback(f.feedback()), f.question().map(q -> "Round "
                    + q.roundId() + " " + Times.closing(q.closesAt(), q.timeLeft(), q.zone()) + "; the reveal comes then.")),
                    f.feedback());
            case Reply.OpenQuestion o -> openQuestion(o);
            case Reply.Leaderboard l -> leaderboard(l.board());
            case Reply.Stats s -> s.practice().map(p -> withBlocks(stats(s.stats()), PracticeBlocks.stats(p)))
                    .orElseGet(() -> stats(s.stats()));
            case Reply.Practice p -> PracticeBlocks.practice(p);
            case Reply.Mistakes m -> PracticeBlocks.mistakes(m);
            case Reply.Topics t -> topics(t.topics());
            case Reply.Teams t -> teams(t.teams());
            case Reply.Schedules s -> schedules(s.schedules());
            case Reply.Help h -> help(h.commands());
        };
    }

    private static Message withBlocks(Message message, List<LayoutBlock> more) {
        List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
        blocks.addAll(more);
        return new Message(message.text(), blocks);
    }

    static Message text(String mrkdwn) {
        return new Message(mrkdwn, List.of(section(s -> s.text(markdownText(truncate(mrkdwn, SlackText.SECTION_LIMIT))))));
    }

    private static Message refused(Reply.Refused r) {
        String usage = r.usage() == null || r.usage().isBlank() ? "" : "\nUsage: `/quiz " + escape(r.usage()) + "`";
        return text(":no_entry: " + escape(r.reason()) + usage);
    }

    static Message feedback(Views.Feedback f) {
        String icon = switch (f.verdict()) {
            case CORRECT -> ":white_check_mark:";
            case PARTIAL -> ":large_yellow_circle:";
            case INCORRECT -> ":x:";
        };
        List<LayoutBlock> blocks = new ArrayList<>();
        String headline = icon + " *" + capitalise(f.verdict().label()) + "*: " + f.score() + "/100, "
                + points(f.points()) + " points";
        blocks.add(section(s -> s.text(markdownText(headline))));
        if (f.explanation() != null && !f.explanation().isBlank()) {
            blocks.add(section(s -> s.text(markdownText(truncate(escape(f.explanation()), SlackText.SECTION_LIMIT)))));
        }
        if (!f.conceptsFound().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(truncate("*Concepts you covered:* "
                    + escape(String.join(", ", f.conceptsFound())), SlackText.SECTION_LIMIT)))));
        }
        if (!f.conceptsMissed().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(truncate("*Missing:* "
                    + escape(String.join(", ", f.conceptsMissed())), SlackText.SECTION_LIMIT)))));
        }
        if (!f.notes().isEmpty()) {
            blocks.add(context(List.of(markdownText(truncate(escape(String.join(" ", f.notes())), SlackText.SECTION_LIMIT)))));
        }
        blocks.add(context(List.of(markdownText("Only you can see this until the round closes."))));
        return new Message(capitalise(f.verdict().label()) + ": " + f.score() + "/100", blocks);
    }

    /** The grade of an answer stored before a restart and graded after it, for a direct message. */
    static Message lateGrade(Views.Feedback f, String channelMention) {
        Message feedback = feedback(f);
        String intro = "Your answer to round " + f.roundId() + " in " + channelMention
                + " was stored before quizbot restarted and graded after it.";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(intro))));
        blocks.addAll(feedback.blocks());
        return new Message(intro + " " + feedback.text(), blocks);
    }

    static Message leaderboard(Views.Leaderboard board) {
        String title = switch (board.scope()) {
            case CHANNEL -> "Channel leaderboard";
            case SERVER -> "Workspace leaderboard";
            case TEAM -> "Team leaderboard";
        } + " · " + period(board.period());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(title))));
        if (board.rows().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("Nobody has scored yet. Try `/quiz ask`."))));
        } else {
            StringBuilder rows = new StringBuilder();
            for (Views.LeaderboardRow row : board.rows()) {
                rows.append(row(row, board.scope())).append('\n');
            }
            blocks.add(section(s -> s.text(markdownText(truncate(rows.toString().strip(), SlackText.SECTION_LIMIT)))));
        }
        board.caller().filter(own -> board.rows().stream().noneMatch(r -> r.id().equals(own.id())))
                .ifPresent(own -> blocks.add(context(List.of(markdownText("You: " + row(own, board.scope()))))));
        blocks.add(context(List.of(markdownText("Times in " + escape(board.zone()) + "."))));
        return new Message(title, blocks);
    }

    private static String row(Views.LeaderboardRow row, Scope scope) {
        String who = scope == Scope.TEAM ? "*" + escape(row.name()) + "*" : mention(row.id());
        return "*" + row.rank() + ".* " + who + " — " + points(row.points()) + " pts ("
                + row.correct() + "/" + row.answers() + " right)";
    }

    private static String period(Period period) {
        return switch (period) {
            case TODAY -> "today";
            case WEEK -> "this week";
            case MONTH -> "this month";
            case ALL -> "all time";
        };
    }

    /** A review-queue item for an admin, with its decision buttons. */
    static Message reviewItem(Reply.ReviewItem item) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(b -> b.text(markdownText(truncate(escape(item.text()), SlackText.SECTION_LIMIT)))));
        List<String> actions = new ArrayList<>(List.of("accept", "reject", "skip"));
        if (item.grouped()) {
            actions.add("split");
        }
        blocks.add(actions(actions.stream().<com.slack.api.model.block.element.BlockElement>map(a -> button(b -> b
                .actionId(REVIEW_ACTION + a).value(String.valueOf(item.itemId()))
                .text(plainText(a.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + a.substring(1)))
                .style(a.equals("accept") ? "primary" : a.equals("reject") ? "danger" : null))).toList()));
        return new Message(truncate(item.text(), 300), blocks);
    }

    static Message stats(Views.Stats s) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(truncate("Stats: " + s.displayName(), 150)))));
        blocks.add(section(b -> b.fields(List.of(
                markdownText("*Answers*\n" + s.answers()),
                markdownText("*Correct*\n" + s.correct() + " (" + percent(s.accuracy()) + ")"),
                markdownText("*Points*\n" + points(s.points())),
                markdownText("*Streak*\n" + s.streak() + " (best " + s.bestStreak() + ")")))));
        if (!s.strengths().isEmpty()) {
            blocks.add(section(b -> b.text(markdownText("*Strengths:* " + strengths(s.strengths())))));
        }
        if (!s.weakSpots().isEmpty()) {
            blocks.add(section(b -> b.text(markdownText("*Weak spots:* " + strengths(s.weakSpots())))));
        }
        if (!s.reviews().isEmpty()) {
            blocks.add(section(b -> b.text(markdownText(truncate("*Reviewed:*\n"
                    + SlackText.escape(String.join("\n", s.reviews())), 3000)))));
        }
        if (s.pending() > 0) {
            blocks.add(context(c -> c.elements(List.of(markdownText(Views.pendingNote(s.pending()))))));
        }
        return new Message("Stats for " + s.displayName() + ": " + s.answers() + " answers, "
                + points(s.points()) + " points", blocks);
    }

    private static String strengths(List<Views.TopicStrength> topics) {
        return topics.stream()
                .map(t -> escape(t.topic()) + " (" + percent(t.accuracy()) + " of " + t.answers() + ")")
                .collect(Collectors.joining(", "));
    }

    static Message topics(List<Views.Topic> topics) {
        if (topics.isEmpty()) {
            return text("No topics in the question bank.");
        }
        String lines = topics.stream()
                .map(t -> "• `" + escape(t.slug()) + "` *" + escape(t.name()) + "* — "
                        + escape(Views.questionCounts(t))
                        + (t.description() == null || t.description().isBlank() ? "" : ": " + escape(t.description())))
                .collect(Collectors.joining("\n"));
        return text(truncate("*Topics* (use with `/quiz ask <topic>`)\n" + lines, SlackText.SECTION_LIMIT));
    }

    static Message teams(List<Views.Team> teams) {
        if (teams.isEmpty()) {
            return text("No teams yet. Start one with `/quiz team create <name>`.");
        }
        String lines = teams.stream()
                .map(t -> "• *" + escape(t.name()) + "* — " + plural(t.members(), "member", "members")
                        + ", " + points(t.points()) + " pts")
                .collect(Collectors.joining("\n"));
        return text(truncate("*Teams*\n" + lines, SlackText.SECTION_LIMIT));
    }

    static Message schedules(List<Views.Schedule> schedules) {
        if (schedules.isEmpty()) {
            return text("No schedules in this channel. Admins add one with `/quiz schedule set daily 09:00 Europe/Berlin`.");
        }
        String lines = schedules.stream()
                .map(s -> "• `#" + s.id() + "` " + escape(s.when()) + " (" + escape(s.zone()) + ")"
                        + s.topic().map(t -> ", topic " + escape(t)).orElse("")
                        + s.difficulty().map(d -> ", " + d.name().toLowerCase(Locale.ROOT)).orElse("")
                        + (s.nextFire() == null ? " — no further posts" : " — next " + Times.dayAndTime(s.nextFire(), s.zone())))
                .collect(Collectors.joining("\n"));
        return text(truncate("*Schedules*\n" + lines, SlackText.SECTION_LIMIT));
    }

    static Message help(List<Views.CommandHelp> commands) {
        String lines = commands.stream()
                .map(c -> "• `/quiz " + escape(c.usage()) + "` — " + escape(c.description())
                        + (c.adminOnly() ? " _(admins)_" : ""))
                .collect(Collectors.joining("\n"));
        return text(truncate("*quizbot commands*\n" + lines
                + "\nAnswer a question with its *Answer* button.", SlackText.SECTION_LIMIT));
    }

    // ---- App Home

    static View home(Message stats, Message leaderboard) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("quizbot"))));
        blocks.add(section(s -> s.text(markdownText("Practice for ML and LLM interviews: `/quiz ask` in any channel I'm in, then press *Answer*."))));
        blocks.add(divider());
        blocks.addAll(stats.blocks());
        blocks.add(divider());
        blocks.addAll(leaderboard.blocks());
        return view(v -> v.type("home").blocks(blocks));
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
