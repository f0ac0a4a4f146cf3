package dev.quizbot.chat;

/**
 * An adapter could not deliver a round's question post (channel deleted, permission missing),
 * published as a Spring application event. The core may close the round early and, for a
 * scheduled round, tell the schedule's owner with {@link Announcement.ScheduleFailed}.
 *
 * @param reason a sentence an admin understands ("missing permission Send Messages in #quiz")
 */
public record DeliveryFailed(ChannelRef channel, long roundId, boolean scheduled, String reason) {
}
