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
 * error), for the {@code /quiz ask} that started the round, to tell the asker if the bot may
 * not post there. Known only on the instance that delivered the post; elsewhere the asker's
 * wait simply runs out and the usual reply is shown.
 */
class PostOutcomes {

    private final Cache<Long, CompletableFuture<SlackCall<String>>> outcomes = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15)).maximumSize(10_000).build();

    private CompletableFuture<SlackCall<String>> of(long roundId) {
        return outcomes.get(roundId, id -> new CompletableFuture<>());
    }

    void complete(long roundId, SlackCall<String> outcome) {
        of(roundId).complete(outcome);
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
