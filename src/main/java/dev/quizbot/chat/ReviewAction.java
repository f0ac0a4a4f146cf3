package dev.quizbot.chat;

import java.util.Optional;

/**
 * What an admin does with the review queue. {@code item} names a queue item ({@code #12});
 * empty means the group the admin was last shown by {@code review}.
 */
public sealed interface ReviewAction {

    /** The oldest pending item, with the answers grouped with it. */
    record Show() implements ReviewAction {
    }

    /**
     * Regrades as correct, or as partial with {@code score} below 100. {@code toBank} adds
     * {@code bankText} (or, when empty, the answer itself) to the question's accepted answers.
     */
    record Accept(Optional<Long> item, Optional<Integer> score, boolean toBank, Optional<String> bankText)
            implements ReviewAction {
    }

    /**
     * Keeps the grade; {@code note} goes to the player. {@code toBank} adds {@code bankText}
     * (or the answer) to the question's misconceptions.
     */
    record Reject(Optional<Long> item, Optional<String> note, boolean toBank, Optional<String> bankText)
            implements ReviewAction {
    }

    /** Moves the group to the back of the queue. */
    record Skip(Optional<Long> item) implements ReviewAction {
    }

    /** Takes the group's first item out of the group, to be decided on its own. */
    record Split(Optional<Long> item) implements ReviewAction {
    }

    /** A private link to the queue's web page, signed for the admin's community and expiring. */
    record Web() implements ReviewAction {
    }
}
