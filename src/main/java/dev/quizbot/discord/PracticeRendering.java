package dev.quizbot.discord;

import static dev.quizbot.discord.DiscordRendering.clip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Views;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.TimeFormat;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/** Practice on Discord: the graded answer with reference and misconceptions, the next question with an Answer button. */
final class PracticeRendering {

    private PracticeRendering() {
    }

    static void practice(MessageCreateBuilder message, Reply.Practice p) {
        List<MessageEmbed> embeds = new ArrayList<>();
        p.result().ifPresent(r -> embeds.add(result(r)));
        p.next().ifPresent(q -> embeds.add(new EmbedBuilder()
                .setColor(DiscordRendering.QUESTION)
                .setAuthor("Practice · " + q.topicName() + " · " + q.difficulty().slug() + " · " + q.reason())
                .setDescription(clip(q.text(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setFooter("Only you see this · press Answer, or /quiz practice answer · /quiz practice stop ends it")
                .build()));
        String note = p.note().isBlank() ? "" : p.note();
        if (p.next().isEmpty()) {
            note = (note + "\nNo practice questions match this session.").strip();
        }
        if (!note.isEmpty()) {
            message.setContent(clip(note, DiscordRendering.Message.MAX_CONTENT));
        }
        message.setEmbeds(embeds);
        if (p.next().isPresent()) {
            message.setComponents(ActionRow.of(Button.primary(DiscordIds.PRACTICE_ANSWER_BUTTON, "Answer")));
        }
    }

    private static MessageEmbed result(Views.PracticeResult r) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(switch (r.verdict()) {
                    case CORRECT -> DiscordRendering.CORRECT;
                    case PARTIAL -> DiscordRendering.PARTIAL;
                    case INCORRECT -> DiscordRendering.INCORRECT;
                })
                .setTitle(clip(r.verdict().label().toUpperCase(Locale.ROOT) + " · " + r.score() + "/100 · rated "
                        + r.rating(), MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription(clip(r.explanation(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .addField("Next review", TimeFormat.RELATIVE.format(r.nextDue()), true);
        if (!r.conceptsMissed().isEmpty()) {
            embed.addField("Missing", bullets(r.conceptsMissed()), false);
        }
        embed.addField("Reference answer", clip(r.referenceAnswer(), MessageEmbed.VALUE_MAX_LENGTH), false);
        if (!r.misconceptions().isEmpty()) {
            embed.addField("Common misconceptions", bullets(r.misconceptions()), false);
        }
        return embed.build();
    }

    static MessageEmbed mistakes(Reply.Mistakes m) {
        EmbedBuilder embed = new EmbedBuilder().setColor(DiscordRendering.NEUTRAL)
                .setTitle("Your last mistakes" + m.topic().map(t -> " · " + t).orElse(""));
        if (m.mistakes().isEmpty()) {
            return embed.setDescription("No incorrect or partial answers yet.").build();
        }
        // 10 fields at most, each within Discord's field limit
        for (Views.Mistake x : m.mistakes()) {
            embed.addField(clip(x.question(), MessageEmbed.TITLE_MAX_LENGTH),
                    clip(TimeFormat.DATE_SHORT.format(x.answeredAt()) + " · " + x.source() + " · " + x.verdict().label()
                            + " " + x.score() + "/100\nYou: " + x.answer() + "\nReference: " + x.referenceAnswer(),
                            MessageEmbed.VALUE_MAX_LENGTH), false);
        }
        return embed.setFooter("Only you can see this").build();
    }

    static void stats(EmbedBuilder embed, Views.PracticeStats p) {
        embed.addField("Practice", p.reviews() + " reviews · " + p.dueToday() + " due today · retention "
                + (p.retention() < 0 ? "n/a" : Math.round(p.retention() * 100) + "%"), false);
        if (!p.weakest().isEmpty()) {
            embed.addField("Practice weakest", p.weakest().stream()
                    .map(t -> t.topic() + " · " + Math.round(t.accuracy() * 100) + "%")
                    .collect(Collectors.joining("\n")), false);
        }
    }

    static String reminder(int due) {
        return "⏰ Practice reminder: " + due + (due == 1 ? " question is" : " questions are")
                + " due. Use `/quiz practice start` to review.";
    }

    private static String bullets(List<String> items) {
        return clip(items.stream().map(i -> "• " + i).collect(Collectors.joining("\n")), MessageEmbed.VALUE_MAX_LENGTH);
    }
}
