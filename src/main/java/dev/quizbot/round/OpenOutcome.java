package dev.quizbot.round;

import java.util.List;

import dev.quizbot.chat.Views;

/** What asking for a new round led to. */
public sealed interface OpenOutcome {

    record Opened(Round round, Views.Question question) implements OpenOutcome {
    }

    /** The channel already has an open round; one at a time per channel. */
    record ChannelBusy(Round open) implements OpenOutcome {
    }

    record UnknownTopic(String topic, List<String> known, java.util.Optional<String> suggestion)
            implements OpenOutcome {
    }

    /** A known topic followed by a word that is no difficulty ("rag impossible"). */
    record NotADifficulty(String word, java.util.Optional<dev.quizbot.bank.Difficulty> suggestion) implements OpenOutcome {
    }

    /** What to tell whoever typed a word that is no difficulty. */
    static String notADifficulty(NotADifficulty outcome) {
        return "'" + outcome.word() + "' is not a difficulty (easy, medium, hard)"
                + outcome.suggestion().map(d -> "; did you mean " + d.slug() + "?").orElse(".");
    }

    /** The bank holds no question matching the topic and difficulty asked for. */
    record NoEligibleQuestions(String reason) implements OpenOutcome {
    }
}
