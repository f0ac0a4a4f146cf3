package dev.quizbot.round;

import dev.quizbot.chat.Views;

/** What submitting an answer led to; only {@link Graded} stored anything. */
public sealed interface AnswerOutcome {

    /** Stored and committed; the feedback is for the answerer only. */
    record Graded(Round round, Views.Feedback feedback) implements AnswerOutcome {
    }

    record Empty() implements AnswerOutcome {
    }

    record TooLong(int length, int limit) implements AnswerOutcome {
    }

    record NoOpenRound() implements AnswerOutcome {
    }

    record UnknownRound(long roundId) implements AnswerOutcome {
    }

    record AlreadyClosed(Round round) implements AnswerOutcome {
    }

    record AlreadyAnswered(Round round) implements AnswerOutcome {
    }

    /** The question left the bank after the round opened (bank reload), so it cannot be graded. */
    record QuestionGone(Round round) implements AnswerOutcome {
    }
}
