/**
 * The outbox: everything the chat must see (question posts, answer counts, last calls,
 * reveals, private notices) is written to the {@code outbox} table in the same transaction as
 * the change it shows, and delivered afterwards through the {@link dev.quizbot.outbox.DeliveryPort}
 * of its platform. The entry point is {@link dev.quizbot.outbox.Outbox} (enqueue);
 * {@link dev.quizbot.outbox.OutboxWorker} claims due rows with row locks and a lease, so any
 * instance may deliver and a dead instance's rows are taken over once its lease runs out,
 * retries with backoff that honours {@code Retry-After}, and gives up after a bound, in which
 * case an undeliverable question post is reported as {@link dev.quizbot.chat.DeliveryFailed}
 * (the round is withdrawn and a schedule's owner told). Free of any chat platform's types.
 */
package dev.quizbot.outbox;
