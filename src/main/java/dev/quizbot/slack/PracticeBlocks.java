package dev.quizbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static dev.quizbot.slack.SlackText.date;
import static dev.quizbot.slack.SlackText.escape;
import static dev.quizbot.slack.SlackText.percent;
import static dev.quizbot.slack.SlackText.truncate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Views;

/** Block Kit for practice: the graded answer with reference and misconceptions, the next question, mistakes. */
final class PracticeBlocks {

    private PracticeBlocks() {
    }

    static SlackBlocks.Message practice(Reply.Practice p) {
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        p.result().ifPresent(r -> {
            String icon = switch (r.verdict()) {
                case CORRECT -> ":white_check_mark:";
                case PARTIAL -> ":large_yellow_circle:";
                case INCORRECT -> ":x:";
            };
            String headline = icon + " *" + r.verdict().label() + "*: " + r.score() + "/100 · rated *" + r.rating()
                    + "* · next review " + date(r.nextDue());
            blocks.add(section(s -> s.text(markdownText(headline))));
            if (r.explanation() != null && !r.explanation().isBlank()) {
                blocks.add(section(s -> s.text(markdownText(truncate(escape(r.explanation()), SlackText.SECTION_LIMIT)))));
            }
            if (!r.conceptsMissed().isEmpty()) {
                blocks.add(section(s -> s.text(markdownText(truncate("*Missing:* "
                        + escape(String.join(", ", r.conceptsMissed())), SlackText.SECTION_LIMIT)))));
            }
            blocks.add(section(s -> s.text(markdownText(truncate("*Reference answer:* " + escape(r.referenceAnswer()),
                    SlackText.SECTION_LIMIT)))));
            if (!r.misconceptions().isEmpty()) {
                blocks.add(section(s -> s.text(markdownText(truncate("*Common misconceptions:*\n" + r.misconceptions()
                        .stream().map(m -> "• " + escape(m)).collect(Collectors.joining("\n")), SlackText.SECTION_LIMIT)))));
            }
            blocks.add(divider());
            text.append(r.verdict().label()).append(": ").append(r.score()).append("/100. ");
        });
        if (!p.note().isBlank()) {
            blocks.add(context(List.of(markdownText(truncate(escape(p.note()), SlackText.SECTION_LIMIT)))));
        }
        p.next().ifPresentOrElse(q -> {
            blocks.add(section(s -> s.text(markdownText(truncate(":pencil: *Practice · " + escape(q.topicName()) + " · "
                    + q.difficulty().slug() + "* (" + escape(q.reason()) + ")\n" + escape(q.text()),
                    SlackText.SECTION_LIMIT)))));
            blocks.add(context(List.of(markdownText("Answer with `/quiz answer <text>`; `/quiz practice stop` ends"
                    + " practice. Only you see this."))));
            text.append("Practice: ").append(q.text());
        }, () -> {
            blocks.add(section(s -> s.text(markdownText("No practice questions match this session."))));
            text.append("No practice questions match this session.");
        });
        return new SlackBlocks.Message(truncate(text.toString(), SlackText.SECTION_LIMIT), blocks);
    }

    static SlackBlocks.Message mistakes(Reply.Mistakes m) {
        String title = "*Your last mistakes" + m.topic().map(t -> " in " + escape(t)).orElse("") + "*";
        if (m.mistakes().isEmpty()) {
            return SlackBlocks.text(title + "\nNo incorrect or partial answers yet.");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(title))));
        for (Views.Mistake x : m.mistakes()) {
            blocks.add(section(s -> s.text(markdownText(truncate("*" + escape(x.question()) + "*\n"
                    + date(x.answeredAt()) + " · " + x.source() + " · " + escape(x.topic()) + " · " + x.verdict().label()
                    + " " + x.score() + "/100\n>You: " + escape(x.answer()) + "\n>Reference: "
                    + escape(x.referenceAnswer()), SlackText.SECTION_LIMIT)))));
        }
        return new SlackBlocks.Message("Your last " + m.mistakes().size() + " mistakes", blocks);
    }

    static List<LayoutBlock> stats(Views.PracticeStats p) {
        String line = "*Practice:* " + p.reviews() + " reviews · " + p.dueToday() + " due today · retention "
                + (p.retention() < 0 ? "n/a" : percent(p.retention()))
                + (p.weakest().isEmpty() ? "" : "\n*Practice weakest:* " + p.weakest().stream()
                .map(t -> escape(t.topic()) + " " + percent(t.accuracy())).collect(Collectors.joining(", ")));
        return List.of(section(s -> s.text(markdownText(line))));
    }

    static String reminder(int due) {
        return ":alarm_clock: Practice reminder: " + due + (due == 1 ? " question is" : " questions are")
                + " due. Type `/quiz practice` to review.";
    }
}
