package dev.quizbot.discord;

import java.util.OptionalLong;

/**
 * The custom ids quizbot puts on buttons and modals. They round-trip through Discord, so they
 * are parsed defensively: anything not ours yields empty.
 */
final class DiscordIds {

    private static final String ANSWER_BUTTON = "quiz:answer:";
    private static final String ANSWER_MODAL = "quiz:answer-modal:";
    static final String ANSWER_INPUT = "answer";
    /** Practice questions are the player's own, one at a time, so their button and form need no id. */
    static final String PRACTICE_ANSWER_BUTTON = "quiz:practice-answer";
    static final String PRACTICE_ANSWER_MODAL = "quiz:practice-modal";

    private static final String APPEAL_BUTTON = "quiz:appeal:";
    private static final String APPEAL_MODAL = "quiz:appeal-modal:";
    static final String APPEAL_INPUT = "reason";

    private DiscordIds() {
    }

    /** "I think I was right" on a round answer's private feedback. */
    static String appealButton(long roundId) {
        return APPEAL_BUTTON + roundId;
    }

    static String appealModal(long roundId) {
        return APPEAL_MODAL + roundId;
    }

    private static final String REVIEW_BUTTON = "quiz:review:";

    /** A review-queue control: {@code action} is accept, reject, skip or split. */
    static String reviewButton(String action, long itemId) {
        return REVIEW_BUTTON + action + ":" + itemId;
    }

    record ReviewPress(String action, long itemId) {
    }

    static java.util.Optional<ReviewPress> reviewPress(String customId) {
        if (customId == null || !customId.startsWith(REVIEW_BUTTON)) {
            return java.util.Optional.empty();
        }
        String rest = customId.substring(REVIEW_BUTTON.length());
        int colon = rest.indexOf(':');
        if (colon < 0 || !java.util.Set.of("accept", "reject", "skip", "split").contains(rest.substring(0, colon))) {
            return java.util.Optional.empty();
        }
        OptionalLong item = suffix(rest, rest.substring(0, colon + 1));
        return item.isPresent() ? java.util.Optional.of(new ReviewPress(rest.substring(0, colon), item.getAsLong()))
                : java.util.Optional.empty();
    }

    static OptionalLong roundOfAppealButton(String customId) {
        return suffix(customId, APPEAL_BUTTON);
    }

    static OptionalLong roundOfAppealModal(String customId) {
        return suffix(customId, APPEAL_MODAL);
    }

    static String answerButton(long roundId) {
        return ANSWER_BUTTON + roundId;
    }

    static String answerModal(long roundId) {
        return ANSWER_MODAL + roundId;
    }

    static OptionalLong roundOfAnswerButton(String customId) {
        return suffix(customId, ANSWER_BUTTON);
    }

    static OptionalLong roundOfAnswerModal(String customId) {
        return suffix(customId, ANSWER_MODAL);
    }

    private static OptionalLong suffix(String customId, String prefix) {
        if (customId == null || !customId.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(customId.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
