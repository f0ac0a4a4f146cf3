package dev.quizbot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The core's per-user command limit, applied at its one door ({@link ChatService}) so that no
 * adapter, however it is driven, can flood rounds, grading or the database. One token bucket
 * per user per community ({@link RateLimitProperties}), timed by the application clock.
 */
@Component
class CommandRateLimit {

    /** A user's bucket and the last time it was used, to notice the clock stepping back. */
    private record Tracked(Bucket bucket, long seenNanos) {
    }

    private final RateLimitProperties properties;
    private final Clock clock;
    private final TimeMeter time;
    private final Cache<String, Tracked> buckets;
    private final MeterRegistry meters;

    CommandRateLimit(RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos(clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        // An idle bucket refills completely within burst/perMinute minutes; dropping it after
        // that (plus a margin) loses nothing.
        Duration refill = Duration.ofSeconds(Math.max(1, 60L * Math.max(1, properties.burst())
                / Math.max(1, properties.perMinute())));
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxTrackedUsers())
                .expireAfterAccess(refill.plusMinutes(1))
                .build();
    }

    /** Empty when the caller may go ahead (and uses up one command); else how long until they may. */
    Optional<Duration> acquire(Caller caller) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        ChannelRef channel = caller.channel();
        String key = channel.platform() + ":" + channel.community() + ":" + caller.userId();
        long now = nanos(clock.instant());
        Tracked tracked = buckets.asMap().compute(key, (k, old) ->
                // a clock stepped back (NTP) must not lock anyone out until it catches up again
                old == null || now < old.seenNanos() ? new Tracked(newBucket(), now) : new Tracked(old.bucket(), now));
        ConsumptionProbe probe = tracked.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        meters.counter("quizbot.commands.rate.limited", "platform", channel.platform()).increment();
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    int perMinute() {
        return properties.perMinute();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.burst())
                        .refillGreedy(properties.perMinute(), Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
