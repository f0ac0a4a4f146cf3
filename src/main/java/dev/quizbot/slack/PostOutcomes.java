package dev.quizbot.slack;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The outcome of posting each recent round's question ({@code ts} of the message, or Slack's
 * error), for whoever needs it before it is on record: the {@code /quiz ask} that started the
 * round (to tell the asker if the bot may not post there), and count edits or a reveal that
 * arrive while the post is still on its way.
 */
class PostOutcomes {

    private final Cache<Long, CompletableFuture<SlackCall<String>>> outcomes = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15)).maximumSize(10_000).build();

    private CompletableFuture<SlackCall<String>> of(long roundId) {
        return outcomes.get(roundId, id -> new CompletableFuture<>());
    }

    void posting(long roundId) {
        of(roundId);
    }

    void complete(long roundId, SlackCall<String> outcome) {
        of(roundId).complete(outcome);
    }

    /** Waits for a post known to be under way or done; empty if none is, or it takes too long. */
    Optional<SlackCall<String>> awaitIfKnown(long roundId, Duration timeout) {
        CompletableFuture<SlackCall<String>> future = outcomes.getIfPresent(roundId);
        return future == null ? Optional.empty() : await(future, timeout);
    }

    /** Waits for the post of a round that was just started, which may not have begun yet. */
    Optional<SlackCall<String>> await(long roundId, Duration timeout) {
        return await(of(roundId), timeout);
    }

    private static Optional<SlackCall<String>> await(CompletableFuture<SlackCall<String>> future, Duration timeout) {
        try {
            return Optional.of(future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
