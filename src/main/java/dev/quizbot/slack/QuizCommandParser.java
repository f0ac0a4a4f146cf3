package dev.quizbot.slack;

import dev.quizbot.chat.Command;
import dev.quizbot.chat.Reply;

/**
 * Turns the text after {@code /quiz} into a {@link Command}. The vocabulary belongs to the core;
 * the adapter only asks for this translation, so a {@code /quiz} typed in Slack means exactly
 * what the same words mean on any other platform.
 */
@FunctionalInterface
public interface QuizCommandParser {

    Parsed parse(String text);

    sealed interface Parsed {
    }

    record Understood(Command command) implements Parsed {
    }

    /** The text is not a command; the refusal says why and shows the right form. */
    record NotUnderstood(Reply.Refused refusal) implements Parsed {
    }
}
