package dev.quizbot.discord;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Times;
import dev.quizbot.chat.Views;
import dev.quizbot.grading.Verdict;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.TimeFormat;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * How quizbot looks on Discord: embeds for questions, feedback, reveals and every reply. Pure
 * functions of the core's views, so the look is testable without a connection.
 */
final class DiscordRendering {

    static final Color QUESTION = new Color(0x5865F2);
    static final Color CORRECT = new Color(0x57F287);
    static final Color PARTIAL = new Color(0xFEE75C);
    static final Color INCORRECT = new Color(0xED4245);
    static final Color NEUTRAL = new Color(0x99AAB5);

    private DiscordRendering() {
    }

    static MessageCreateData questionPost(Views.Question question, boolean scheduled) {
        return new MessageCreateBuilder()
                .setEmbeds(questionEmbed(question, question.answerCount(), false, scheduled))
                .setComponents(ActionRow.of(answerButton(question.roundId(), false)))
                .build();
    }

    static MessageEmbed questionEmbed(Views.Question question, int answerCount, boolean closed, boolean scheduled) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(closed ? NEUTRAL : QUESTION)
                .setAuthor((scheduled ? "Daily quiz" : "Quiz") + " · " + question.topicName())
                .setTitle(clip(question.text(), MessageEmbed.TITLE_MAX_LENGTH))
                .addField("Topic", question.topicName(), true)
                .addField("Difficulty", capitalised(question.difficulty().slug()), true)
                .addField(closed ? "Closed" : "Closes", closes(question), true)
                .setFooter(answers(answerCount) + (closed ? " · round closed" : " · press Answer to reply privately")
                        + " · round " + question.roundId());
        if (question.text().length() > MessageEmbed.TITLE_MAX_LENGTH) {
            embed.setDescription(clip(question.text(), MessageEmbed.DESCRIPTION_MAX_LENGTH));
        }
        return embed.build();
    }

    /** "<t:…:R> (14:30 CET)": Discord shows the relative part live, in each reader's language. */
    static String closes(Views.Question question) {
        return TimeFormat.RELATIVE.format(question.closesAt())
                + (question.zone() == null ? "" : " (" + Times.time(question.closesAt(), question.zone()) + ")");
    }

    /** The last call in the channel, for rounds long enough to have scrolled away. */
    static String closingSoon(Views.Question question) {
        return "⏳ Round " + question.roundId() + " closes " + closes(question)
                + ": last call for answers. Press **Answer** on the question, or `/quiz question` to see it again.";
    }

    static Button answerButton(long roundId, boolean closed) {
        Button button = Button.primary(DiscordIds.answerButton(roundId), closed ? "Closed" : "Answer");
        return closed ? button.asDisabled() : button;
    }

    static MessageEmbed reveal(Views.Reveal reveal) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(CORRECT)
                .setAuthor("Answer revealed · round " + reveal.roundId())
                .setTitle(clip(reveal.question(), MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription(clip(reveal.referenceAnswer(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .addField("Answered", String.valueOf(reveal.answered()), true)
                .addField("Correct", String.valueOf(reveal.correct()), true);
        reveal.commonMistake().ifPresent(m -> embed.addField("A common mistake",
                clip(m, MessageEmbed.VALUE_MAX_LENGTH), false));
        if (!reveal.best().isEmpty()) {
            embed.addField("Best answers", clip(reveal.best().stream()
                    .map(a -> "<@" + a.userId() + "> · " + a.score() + "/100")
                    .collect(Collectors.joining("\n")), MessageEmbed.VALUE_MAX_LENGTH), false);
        } else if (reveal.answered() == 0) {
            embed.addField("Best answers", "Nobody answered this time.", false);
        }
        return embed.build();
    }

    static MessageEmbed feedback(Views.Feedback feedback) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(colour(feedback.verdict()))
                .setTitle(verdictTitle(feedback.verdict()) + " · " + feedback.score() + "/100")
                .setDescription(clip(feedback.explanation(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .addField("Points", format(feedback.points()), true);
        if (!feedback.conceptsFound().isEmpty()) {
            embed.addField("You covered", bullets(feedback.conceptsFound()), false);
        }
        if (!feedback.conceptsMissed().isEmpty()) {
            embed.addField("Missing", bullets(feedback.conceptsMissed()), false);
        }
        if (!feedback.notes().isEmpty()) {
            embed.addField("Notes", bullets(feedback.notes()), false);
        }
        return embed.setFooter("Only you can see this until the round closes · round " + feedback.roundId()).build();
    }

    /** Accept, Reject, Skip and, for a group, Split: each settles what the admin sees. */
    static List<Button> reviewButtons(Reply.ReviewItem item) {
        List<Button> buttons = new java.util.ArrayList<>(List.of(
                Button.success(DiscordIds.reviewButton("accept", item.itemId()), "Accept"),
                Button.danger(DiscordIds.reviewButton("reject", item.itemId()), "Reject"),
                Button.secondary(DiscordIds.reviewButton("skip", item.itemId()), "Skip")));
        if (item.grouped()) {
            buttons.add(Button.secondary(DiscordIds.reviewButton("split", item.itemId()), "Split"));
        }
        return buttons;
    }

    /** The appeal control under a round answer's feedback; none for a grade with full marks. */
    static java.util.Optional<Button> appealButton(Views.Feedback feedback) {
        if (feedback.verdict() == dev.quizbot.grading.Verdict.CORRECT && feedback.score() == 100) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Button.secondary(DiscordIds.appealButton(feedback.roundId()), "I think I was right"));
    }

    /** Every reply kind as a message; whether it is ephemeral is the caller's decision ({@link Reply#isPrivate()}). */
    static MessageCreateData reply(Reply reply) {
        MessageCreateBuilder message = new MessageCreateBuilder();
        switch (reply) {
            case Reply.Done done -> message.setContent(clip(done.message(), Message.MAX_CONTENT));
            case Reply.ReviewItem item -> message.setContent(clip(item.text(), Message.MAX_CONTENT))
                    .setComponents(ActionRow.of(reviewButtons(item)));
            case Reply.Refused refused -> message.setContent(clip(refused.reason()
                    + (refused.usage() == null || refused.usage().isBlank() ? "" : "\nUsage: `" + refused.usage() + "`"),
                    Message.MAX_CONTENT));
            case Reply.RoundStarted started -> message.setContent("Question posted: round " + started.question().roundId()
                    + ", closes " + TimeFormat.RELATIVE.format(started.question().closesAt()) + ".");
            case Reply.Feedback feedback -> {
                message.setEmbeds(feedback.question()
                        .map(q -> new EmbedBuilder(feedback(feedback.feedback())).addField("Round closes", closes(q), true).build())
                        .orElseGet(() -> feedback(feedback.feedback())));
                appealButton(feedback.feedback()).ifPresent(button -> message.setComponents(ActionRow.of(button)));
            }
            case Reply.OpenQuestion open -> {
                if (open.alreadyOpen()) {
                    message.setContent("A question is already open in this channel: answer it, or ask again once it closes.");
                }
                message.setEmbeds(questionEmbed(open.question(), open.question().answerCount(), false, false))
                        .setComponents(ActionRow.of(answerButton(open.question().roundId(), false)));
            }
            case Reply.Leaderboard board -> message.setEmbeds(leaderboard(board.board()));
            case Reply.Stats stats -> message.setEmbeds(stats(stats.stats(), stats.practice()));
            case Reply.Practice practice -> PracticeRendering.practice(message, practice);
            case Reply.Mistakes mistakes -> message.setEmbeds(PracticeRendering.mistakes(mistakes));
            case Reply.Topics topics -> message.setEmbeds(topics(topics.topics()));
            case Reply.Teams teams -> message.setEmbeds(teams(teams.teams()));
            case Reply.Schedules schedules -> message.setEmbeds(schedules(schedules.schedules()));
            case Reply.Help help -> message.setEmbeds(help(help.commands()));
        }
        return message.build();
    }

    static MessageEmbed leaderboard(Views.Leaderboard board) {
        String title = "Leaderboard · " + switch (board.scope()) {
            case CHANNEL -> "this channel";
            case SERVER -> "this server";
            case TEAM -> "teams";
        } + " · " + switch (board.period()) {
            case TODAY -> "today";
            case WEEK -> "this week";
            case MONTH -> "this month";
            case ALL -> "all time";
        };
        String rows = board.rows().isEmpty() ? "No answers in this window yet."
                : board.rows().stream().map(DiscordRendering::row).collect(Collectors.joining("\n"));
        EmbedBuilder embed = new EmbedBuilder().setColor(QUESTION).setTitle(title)
                .setDescription(clip(rows, MessageEmbed.DESCRIPTION_MAX_LENGTH));
        board.caller().filter(own -> board.rows().stream().noneMatch(r -> r.id().equals(own.id())))
                .ifPresent(own -> embed.addField("Your rank", row(own), false));
        return embed.setFooter("Times in " + board.zone()).build();
    }

    private static String row(Views.LeaderboardRow row) {
        String medal = switch (row.rank()) {
            case 1 -> "🥇";
            case 2 -> "🥈";
            case 3 -> "🥉";
            default -> "`#" + row.rank() + "`";
        };
        return medal + " **" + row.name() + "** · " + format(row.points()) + " pts · "
                + row.correct() + "/" + row.answers() + " correct";
    }

    static MessageEmbed stats(Views.Stats stats, java.util.Optional<Views.PracticeStats> practice) {
        EmbedBuilder embed = new EmbedBuilder(stats(stats));
        practice.ifPresent(p -> PracticeRendering.stats(embed, p));
        return embed.build();
    }

    static MessageEmbed stats(Views.Stats stats) {
        EmbedBuilder embed = new EmbedBuilder().setColor(QUESTION).setTitle("Stats · " + stats.displayName())
                .addField("Answers", String.valueOf(stats.answers()), true)
                .addField("Accuracy", percent(stats.accuracy()), true)
                .addField("Points", format(stats.points()), true)
                .addField("Streak", stats.streak() + " (best " + stats.bestStreak() + ")", true);
        if (!stats.strengths().isEmpty()) {
            embed.addField("Strengths", strengths(stats.strengths()), false);
        }
        if (!stats.weakSpots().isEmpty()) {
            embed.addField("Weak spots", strengths(stats.weakSpots()), false);
        }
        if (!stats.reviews().isEmpty()) {
            embed.addField("Reviewed", clip(String.join("\n", stats.reviews()), 1024), false);
        }
        if (stats.pending() > 0) {
            embed.setFooter(Views.pendingNote(stats.pending()));
        }
        return embed.build();
    }

    static MessageEmbed topics(List<Views.Topic> topics) {
        String lines = topics.stream()
                .map(t -> "**" + t.name() + "** (`" + t.slug() + "`, " + Views.questionCounts(t) + ")"
                        + (t.description() == null || t.description().isBlank() ? "" : "\n" + t.description()))
                .collect(Collectors.joining("\n"));
        return new EmbedBuilder().setColor(QUESTION).setTitle("Topics")
                .setDescription(clip(lines.isEmpty() ? "The question bank is empty." : lines,
                        MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setFooter("Ask one with /quiz ask topic:<slug>").build();
    }

    static MessageEmbed teams(List<Views.Team> teams) {
        String lines = teams.stream()
                .map(t -> "**" + t.name() + "** · " + t.members() + (t.members() == 1 ? " member" : " members")
                        + " · " + format(t.points()) + " pts")
                .collect(Collectors.joining("\n"));
        return new EmbedBuilder().setColor(QUESTION).setTitle("Teams")
                .setDescription(clip(lines.isEmpty() ? "No teams yet: start one with /quiz team create." : lines,
                        MessageEmbed.DESCRIPTION_MAX_LENGTH)).build();
    }

    static MessageEmbed schedules(List<Views.Schedule> schedules) {
        String lines = schedules.stream()
                .map(s -> "`" + s.id() + "` · " + s.when() + " (" + s.zone() + ")"
                        + s.topic().map(t -> " · " + t).orElse("")
                        + s.difficulty().map(d -> " · " + d.slug()).orElse("")
                        + (s.nextFire() == null ? " · no further posts" : " · next " + Times.dayAndTime(s.nextFire(), s.zone())
                        + " (" + TimeFormat.RELATIVE.format(s.nextFire()) + ")"))
                .collect(Collectors.joining("\n"));
        return new EmbedBuilder().setColor(QUESTION).setTitle("Schedules in this channel")
                .setDescription(clip(lines.isEmpty() ? "No schedules here. Add one with /quiz schedule set." : lines,
                        MessageEmbed.DESCRIPTION_MAX_LENGTH)).build();
    }

    static MessageEmbed help(List<Views.CommandHelp> commands) {
        String lines = commands.stream()
                .map(c -> "`/quiz " + c.usage() + "`" + (c.adminOnly() ? " (Manage Server)" : "") + "\n" + c.description())
                .collect(Collectors.joining("\n"));
        return new EmbedBuilder().setColor(QUESTION).setTitle("quizbot commands")
                .setDescription(clip(lines, MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setFooter("Answer a question with its Answer button: your answer and grade stay private until the reveal.")
                .build();
    }

    private static String strengths(List<Views.TopicStrength> strengths) {
        return clip(strengths.stream()
                .map(s -> s.topic() + " · " + percent(s.accuracy()) + " of " + s.answers())
                .collect(Collectors.joining("\n")), MessageEmbed.VALUE_MAX_LENGTH);
    }

    private static String bullets(List<String> items) {
        return clip(items.stream().map(i -> "• " + i).collect(Collectors.joining("\n")), MessageEmbed.VALUE_MAX_LENGTH);
    }

    private static Color colour(Verdict verdict) {
        return switch (verdict) {
            case CORRECT -> CORRECT;
            case PARTIAL -> PARTIAL;
            case INCORRECT -> INCORRECT;
        };
    }

    private static String verdictTitle(Verdict verdict) {
        return switch (verdict) {
            case CORRECT -> "Correct";
            case PARTIAL -> "Partly right";
            case INCORRECT -> "Not quite";
        };
    }

    static String answers(int count) {
        return count + (count == 1 ? " answer" : " answers");
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Discord rejects a whole message when one field is too long, so everything is cut to fit first. */
    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Limits of plain message content. */
    static final class Message {
        static final int MAX_CONTENT = 2000;

        private Message() {
        }
    }
}
