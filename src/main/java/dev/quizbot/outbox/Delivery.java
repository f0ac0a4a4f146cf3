package dev.quizbot.outbox;

import java.util.Optional;

import dev.quizbot.chat.Announcement;

/**
 * One outbox row handed to a {@link DeliveryPort}.
 *
 * @param id the row's id: the idempotency key of this delivery (a retry carries the same id)
 * @param announcement what to show
 * @param attempt 1 for the first try, 2 for the first retry...
 * @param postMessageId the platform's id of the round's question post, once that was delivered,
 *                      so an edit or a reveal finds the message even on another instance
 */
public record Delivery(long id, Announcement announcement, int attempt, Optional<String> postMessageId) {
}
