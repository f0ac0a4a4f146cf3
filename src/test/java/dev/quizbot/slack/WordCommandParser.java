package dev.quizbot.slack;

import java.util.Arrays;
import java.util.Optional;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Period;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Scope;

/**
 * Just enough of the {@code /quiz} vocabulary for the adapter tests (ask, schedule set, stats,
 * leaderboard, help); the real parser belongs to the core.
 */
final class WordCommandParser implements QuizCommandParser {

    @Override
    public Parsed parse(String text) {
        String[] words = text.isBlank() ? new String[] {"help"} : text.trim().split("\\s+");
        return switch (words[0]) {
            case "ask" -> new Understood(new Command.Ask(
                    words.length > 1 ? Optional.of(words[1]) : Optional.empty(),
                    words.length > 2 ? Optional.of(Difficulty.valueOf(words[2].toUpperCase())) : Optional.empty()));
            case "schedule" -> words.length >= 5 && words[1].equals("set")
                    ? new Understood(new Command.ScheduleSet(words[2] + " " + words[3], words[4], Optional.empty(), Optional.empty()))
                    : new NotUnderstood(new Reply.Refused("Unknown schedule command.", "schedule set daily HH:MM <timezone>"));
            case "stats" -> new Understood(new Command.Stats(Optional.empty()));
            case "leaderboard" -> new Understood(new Command.Leaderboard(Scope.CHANNEL, Period.ALL));
            case "help" -> new Understood(new Command.Help());
            default -> new NotUnderstood(new Reply.Refused("Unknown command `" + String.join(" ", Arrays.asList(words)) + "`.", "help"));
        };
    }
}
