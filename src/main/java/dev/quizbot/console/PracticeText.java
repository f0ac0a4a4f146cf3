package dev.quizbot.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Views;
import dev.quizbot.grading.Verdict;

/** Practice replies, mistakes and practice stats as terminal text. */
final class PracticeText {

    private final Style style;
    private final DateTimeFormatter when;

    PracticeText(Style style, ZoneId zone) {
        this.style = style;
        this.when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ROOT).withZone(zone);
    }

    String practice(Reply.Practice p) {
        StringBuilder out = new StringBuilder();
        p.result().ifPresent(r -> out.append(result(r)).append("\n"));
        if (!p.note().isBlank()) {
            out.append(style.paint(Style.DIM, p.note())).append("\n");
        }
        p.next().ifPresentOrElse(q -> out.append(style.paint(Style.CYAN, "📝 Practice · " + q.topicName() + " · "
                                + q.difficulty().slug() + " · " + q.reason())).append("\n")
                        .append(style.paint(Style.BOLD, q.text())).append("\n")
                        .append(style.paint(Style.DIM, "Answer with: answer <text> — only you see this")),
                () -> out.append("No practice questions match this session's topic and difficulty."));
        return out.toString().stripTrailing();
    }

    private String result(Views.PracticeResult r) {
        String colour = r.verdict() == Verdict.CORRECT ? Style.GREEN : r.verdict() == Verdict.PARTIAL ? Style.YELLOW : Style.RED;
        StringBuilder out = new StringBuilder(style.paint(colour, r.verdict().label().toUpperCase(Locale.ROOT)
                + " · score " + r.score() + "/100 · rated " + r.rating() + " · next review " + when.format(r.nextDue())));
        if (!r.conceptsFound().isEmpty()) {
            out.append("\n  hit: ").append(String.join(", ", r.conceptsFound()));
        }
        if (!r.conceptsMissed().isEmpty()) {
            out.append("\n  missed: ").append(String.join(", ", r.conceptsMissed()));
        }
        if (r.explanation() != null && !r.explanation().isBlank()) {
            out.append("\n  ").append(r.explanation());
        }
        out.append("\n  reference: ").append(r.referenceAnswer());
        for (String misconception : r.misconceptions()) {
            out.append("\n  common misconception: ").append(misconception);
        }
        for (String note : r.notes()) {
            out.append("\n  ").append(style.paint(Style.DIM, "note: " + note));
        }
        return out.toString();
    }

    String mistakes(Reply.Mistakes m) {
        String title = "Your last mistakes" + m.topic().map(t -> " in " + t).orElse("") + " (only you see this)";
        if (m.mistakes().isEmpty()) {
            return style.paint(Style.BOLD, title) + "\n  None: no incorrect or partial answers"
                    + m.topic().map(t -> " in " + t).orElse("") + " yet.";
        }
        return m.mistakes().stream()
                .map(x -> "  " + style.paint(Style.BOLD, x.question()) + "\n    " + when.format(x.answeredAt()) + " · "
                        + x.source() + " · " + x.topic() + " · " + x.verdict().label() + " " + x.score() + "/100"
                        + "\n    you: " + x.answer() + "\n    reference: " + x.referenceAnswer())
                .collect(Collectors.joining("\n", style.paint(Style.BOLD, title) + "\n", ""));
    }

    String stats(Views.PracticeStats p) {
        StringBuilder out = new StringBuilder("\n  practice: ").append(p.reviews()).append(" reviews · ")
                .append(p.dueToday()).append(" due today · retention ")
                .append(p.retention() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", p.retention() * 100));
        if (!p.weakest().isEmpty()) {
            out.append("\n  practice weakest: ").append(topics(p.weakest()));
        }
        return out.toString();
    }

    String reminder(int due) {
        return style.paint(Style.YELLOW, "⏰ Practice reminder: " + due + (due == 1 ? " question is" : " questions are")
                + " due. Type `practice` to review.");
    }

    private static String topics(List<Views.TopicStrength> topics) {
        return topics.stream().map(t -> String.format(Locale.ROOT, "%s %.0f%% of %d", t.topic(), t.accuracy() * 100, t.answers()))
                .collect(Collectors.joining(", "));
    }
}
