package dev.quizbot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The core's per-user command limit, applied at its one door ({@link ChatService}) so that no
 * adapter, however it is driven, can flood rounds, grading or the database. One token bucket
 * per user per community ({@link RateLimitProperties}), timed by the application clock and
 * kept in the database ({@code rate_bucket}), so every instance and a restart see the same
 * bucket. The row is locked while it is read and written: concurrent commands from one
 * person, on one instance or several, each take their own token.
 */
@Component
class CommandRateLimit {

    /** Idle buckets are deleted every this many commands. */
    private static final int SWEEP_EVERY = 1_000;

    private final RateLimitProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    /** How long an idle bucket takes to fill up again; after that its row says nothing. */
    private final Duration refill;
    private final AtomicLong commands = new AtomicLong();

    CommandRateLimit(RateLimitProperties properties, Clock clock, MeterRegistry meters, JdbcClient jdbc,
                     PlatformTransactionManager transactions) {
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.refill = Duration.ofSeconds(Math.max(1, 60L * Math.max(1, properties.burst())
                / Math.max(1, properties.perMinute())));
    }

    /** Empty when the caller may go ahead (and uses up one command); else how long until they may. */
    Optional<Duration> acquire(Caller caller) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        ChannelRef channel = caller.channel();
        String key = channel.platform() + ":" + channel.community() + ":" + caller.userId();
        Instant now = clock.instant();
        if (commands.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        createIfAbsent(key, now);
        Optional<Duration> wait = tx.execute(status -> take(key, now));
        if (wait.isPresent()) {
            meters.counter("quizbot.commands.rate.limited", "platform", channel.platform()).increment();
        }
        return wait;
    }

    int perMinute() {
        return properties.perMinute();
    }

    /** In a transaction of its own: on PostgreSQL a failed insert spoils the transaction it is in. */
    private void createIfAbsent(String key, Instant now) {
        if (jdbc.sql("SELECT COUNT(*) FROM rate_bucket WHERE bucket_key = ?").param(key).query(Integer.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO rate_bucket (bucket_key, tokens, refilled_at) VALUES (?, ?, ?)")
                    .params(key, (double) properties.burst(), ts(now)).update();
        } catch (DuplicateKeyException raced) {
            // another command of the same person (here or on another instance) created it first
        }
    }

    private Optional<Duration> take(String key, Instant now) {
        record Bucket(double tokens, Instant refilledAt) {
        }
        Bucket bucket = jdbc.sql("SELECT tokens, refilled_at FROM rate_bucket WHERE bucket_key = ? FOR UPDATE")
                .param(key)
                .query((rs, n) -> new Bucket(rs.getDouble("tokens"),
                        rs.getObject("refilled_at", OffsetDateTime.class).toInstant()))
                .single();
        double perNano = properties.perMinute() / 60e9;
        double tokens = now.isBefore(bucket.refilledAt())
                // a clock stepped back (NTP) must not lock anyone out until it catches up again
                ? properties.burst()
                : Math.min(properties.burst(), bucket.tokens()
                        + Duration.between(bucket.refilledAt(), now).toNanos() * perNano);
        Optional<Duration> wait = Optional.empty();
        if (tokens >= 1) {
            tokens -= 1;
        } else {
            wait = Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
        }
        jdbc.sql("UPDATE rate_bucket SET tokens = ?, refilled_at = ? WHERE bucket_key = ?")
                .params(tokens, ts(now), key).update();
        return wait;
    }

    /** Buckets untouched for longer than a refill are full again: their rows can go. */
    private void sweep(Instant now) {
        jdbc.sql("DELETE FROM rate_bucket WHERE refilled_at < ?").param(ts(now.minus(refill).minusSeconds(60))).update();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
