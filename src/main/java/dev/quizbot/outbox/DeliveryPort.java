package dev.quizbot.outbox;

import java.time.Duration;

import dev.quizbot.chat.ChannelRef;

/**
 * How the outbox reaches one chat platform; each adapter implements it for its platform.
 * {@link #deliver} is called from a worker thread, once at a time per row, and returns only
 * when the platform has answered: a result the worker records is the truth about that row.
 */
public interface DeliveryPort {

    /** The {@link dev.quizbot.chat.ChannelRef#platform()} this port delivers to. */
    String platform();

    /**
     * Shows one announcement. Must not throw for what the platform refuses: a refusal is a
     * {@link DeliveryResult.Failed}, a rate limit or outage a {@link DeliveryResult.RetryLater}
     * (a thrown exception is treated as the latter). A row may come again after a crash:
     * {@link Delivery#id()} is the key to recognise it.
     */
    DeliveryResult deliver(Delivery delivery);

    /**
     * Whether this instance can reach the channel (a Discord instance runs only some shards):
     * a row it cannot is left to an instance that can, without counting as a try.
     */
    default boolean handles(ChannelRef channel) {
        return true;
    }

    /**
     * True when delivery is cheap and local (the console): rows are then delivered on the
     * committing thread right after commit, so what a command caused is shown before its reply.
     */
    default boolean inline() {
        return false;
    }

    /**
     * How long this instance waits after an answer before editing the count, so a burst of
     * answers coalesces into the round's one pending edit instead of one edit each.
     */
    default Duration answerCountInterval() {
        return Duration.ZERO;
    }

    /** The worker gave up on this row ({@code reason} says why), after any round was withdrawn. */
    default void gaveUp(Delivery delivery, String reason) {
    }
}
