package dev.quizbot.chat;

/**
 * A round's question post could not be delivered (channel deleted, permission missing, still
 * rate-limited after the outbox's last try), published as a Spring application event by the
 * outbox worker when it gives the post up. The core may close the round early and, for a
 * scheduled round, tell the schedule's owner with {@link Announcement.ScheduleFailed}.
 *
 * @param reason a sentence an admin understands ("missing permission Send Messages in #quiz")
 */
public record DeliveryFailed(ChannelRef channel, long roundId, boolean scheduled, String reason) {
}
