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

    /** The bank holds no question matching the topic and difficulty asked for. */
    record NoEligibleQuestions(String reason) implements OpenOutcome {
    }
}
