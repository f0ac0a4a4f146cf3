package dev.quizbot.outbox;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.DeliveryFailed;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers outbox rows. A row is claimed in a short transaction ({@code FOR UPDATE SKIP LOCKED},
 * then a lease: owner and time), delivered outside any transaction through its platform's
 * {@link DeliveryPort}, and the result recorded under that lease. Two workers never hold one
 * row; a worker that dies leaves a lease that runs out, and then any worker takes the row.
 * A failed try is retried after a doubling backoff, or after the platform's {@code Retry-After}
 * if longer; after {@code max-attempts} tries, or at once when the platform refuses for good,
 * the row is given up, and a question post given up is reported as {@link DeliveryFailed}.
 */
@Component
public class OutboxWorker implements AutoCloseable {

    /** A row just committed, to be delivered now by this instance. */
    record Kick(long id, String platform, boolean answerCount) {
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /** Bounds one drain, so a stream of re-armed count edits cannot keep a poll going forever. */
    private static final int MAX_BATCHES_PER_DRAIN = 100;

    private final OutboxRepository rows;
    private final Payloads payloads;
    private final Supplier<List<DeliveryPort>> portList;
    private final OutboxProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final String instance;
    private final AtomicLong claims = new AtomicLong();
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * Immediate deliveries under way at once. Each holds a database connection while it claims
     * and records its row; without a bound, a burst of answers would start one per answer and take
     * the pool from the answers themselves. What waits here is still delivered, in turn.
     */
    static final int CONCURRENT_DELIVERIES = 2;
    private final java.util.concurrent.Semaphore delivering = new java.util.concurrent.Semaphore(CONCURRENT_DELIVERIES);
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("outbox-later").factory());
    /** Count edits with a delayed delivery under way: a burst of answers schedules one. */
    private final Set<Long> deferred = ConcurrentHashMap.newKeySet();
    private volatile Map<String, DeliveryPort> ports;

    @Autowired
    OutboxWorker(OutboxRepository rows, Payloads payloads, ObjectProvider<DeliveryPort> ports,
                 OutboxProperties properties, Clock clock, PlatformTransactionManager transactions,
                 ApplicationEventPublisher events, MeterRegistry meters) {
        // Ports are adapters, which depend on the core that enqueues here: looked up on first use.
        this(rows, payloads, () -> ports.orderedStream().toList(), properties, clock, transactions, events, meters,
                ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A worker of its own, as another instance would run it (tests). */
    OutboxWorker(OutboxRepository rows, Payloads payloads, Supplier<List<DeliveryPort>> ports,
                 OutboxProperties properties, Clock clock, PlatformTransactionManager transactions,
                 ApplicationEventPublisher events, MeterRegistry meters, String instance) {
        this.rows = rows;
        this.payloads = payloads;
        this.portList = ports;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        // claims commit on their own, whatever the caller is in the middle of
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.meters = meters;
        this.instance = instance;
    }

    private Map<String, DeliveryPort> ports() {
        Map<String, DeliveryPort> known = ports;
        if (known == null) {
            known = portList.get().stream().collect(Collectors.toUnmodifiableMap(DeliveryPort::platform,
                    Function.identity(), (a, b) -> {
                        throw new IllegalStateException("two delivery ports for platform " + a.platform());
                    }));
            ports = known;
        }
        return known;
    }

    /** Rows just committed by this instance: inline ports now on this thread, others on their own threads. */
    void kick(List<Kick> kicks) {
        for (Kick kick : kicks) {
            DeliveryPort port = ports().get(kick.platform());
            if (port == null) {
                continue; // an instance with that platform delivers it
            }
            Duration wait = kick.answerCount() ? port.answerCountInterval() : Duration.ZERO;
            if (wait.isPositive()) {
                if (deferred.add(kick.id())) {
                    later.schedule(() -> {
                        deferred.remove(kick.id());
                        deliveries.execute(() -> deliverBounded(kick.id()));
                    }, wait.toMillis(), TimeUnit.MILLISECONDS);
                }
            } else if (port.inline()) {
                deliverNow(kick.id());
            } else {
                deliveries.execute(() -> deliverBounded(kick.id()));
            }
        }
    }

    private void deliverBounded(long id) {
        try {
            delivering.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: the poll of whichever instance runs next delivers it
        }
        try {
            deliverNow(id);
        } finally {
            delivering.release();
        }
    }

    /** Delivers one row if it is due and free (it may be another worker's, or wait behind its round's older rows). */
    void deliverNow(long id) {
        try {
            // a count edit re-armed by a newer count goes again at once
            for (int again = 0; again < 5; again++) {
                List<OutboxRepository.Claimed> claimed = claim(Optional.of(id), 1);
                if (claimed.isEmpty() || !process(claimed.getFirst())) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.error("Outbox row {} could not be delivered now; the poll retries it", id, e);
        }
    }

    /**
     * Delivers every due row this instance has a port for (retries, rows of a dead instance,
     * rows whose kick never came); returns how many tries were made.
     */
    public int drain() {
        int tried = 0;
        // A count edit re-armed by newer answers is due again at once; one drain sends it once, or a steady
        // stream of answers would have the drain edit the post back to back, a hundred times over.
        Set<Long> sent = new HashSet<>();
        for (int batch = 0; batch < MAX_BATCHES_PER_DRAIN; batch++) {
            List<OutboxRepository.Claimed> claimed = claim(Optional.empty(), properties.batchSize());
            if (claimed.isEmpty()) {
                break;
            }
            List<OutboxRepository.Claimed> fresh = new ArrayList<>();
            for (OutboxRepository.Claimed row : claimed) {
                if (sent.contains(row.id())) {
                    rows.release(row, clock.instant());
                } else {
                    fresh.add(row);
                }
            }
            if (fresh.isEmpty()) {
                break;
            }
            tried += fresh.size();
            // one row per round at most (older rows first), so the batch may go out side by side
            List<Future<?>> running = new ArrayList<>();
            for (OutboxRepository.Claimed row : fresh) {
                sent.add(row.id());
                DeliveryPort port = ports().get(row.platform());
                if (port != null && port.inline()) {
                    process(row);
                } else {
                    running.add(deliveries.submit(() -> process(row)));
                }
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return tried;
                } catch (java.util.concurrent.ExecutionException e) {
                    log.error("An outbox delivery failed unexpectedly; its lease runs out and it is retried", e.getCause());
                }
            }
        }
        return tried;
    }

    /** Deletes finished rows past the retention. */
    int purge() {
        return rows.purge(clock.instant().minus(properties.retention()));
    }

    private List<OutboxRepository.Claimed> claim(Optional<Long> onlyId, int limit) {
        Map<String, DeliveryPort> mine = ports();
        if (mine.isEmpty()) {
            return List.of();
        }
        String owner = instance + "#" + claims.incrementAndGet();
        try {
            return tx.execute(status -> {
                Instant now = clock.instant();
                Instant leaseUntil = now.plus(properties.lease());
                return rows.lockDue(mine.keySet(), now, limit, onlyId).stream()
                        .map(id -> rows.take(id, owner, now, leaseUntil))
                        .flatMap(Optional::stream).toList();
            });
        } catch (DataAccessException contended) {
            // another worker holds a lock we could not skip; the next poll tries again
            log.debug("Outbox claim failed: {}", contended.getMessage());
            return List.of();
        }
    }

    /** Delivers one claimed row and records the result; true when it is due again at once (re-armed). */
    private boolean process(OutboxRepository.Claimed row) {
        Announcement announcement;
        try {
            announcement = payloads.read(row.kind(), row.payload());
        } catch (RuntimeException unreadable) {
            giveUp(row, Optional.empty(), null, "unreadable outbox row: " + unreadable.getMessage());
            return false;
        }
        DeliveryPort port = ports().get(row.platform());
        if (!port.handles(announcement.channel())) {
            // another instance's (a Discord shard this one does not run); due again after a poll
            rows.release(row, clock.instant().plus(properties.pollInterval()));
            return false;
        }
        Delivery delivery = new Delivery(row.id(), announcement, row.attempts(),
                row.roundId() == null || announcement instanceof Announcement.RoundOpened
                        ? Optional.empty() : rows.postMessageId(row.roundId()));
        DeliveryResult result;
        try {
            result = port.deliver(delivery);
        } catch (RuntimeException e) {
            log.warn("Delivering {} (outbox row {}) failed: {}", row.kind(), row.id(), e.toString());
            result = DeliveryResult.RetryLater.backoff(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Instant now = clock.instant();
        switch (result) {
            case DeliveryResult.Delivered delivered -> {
                count(row, "delivered");
                OutboxRepository.Recorded recorded = rows.delivered(row, delivered.platformMessageId(), now);
                if (recorded == OutboxRepository.Recorded.LOST) {
                    // its lease ran out and another worker took it over, or it was cancelled meanwhile
                    log.info("Outbox row {} changed while it was being delivered; this result is dropped", row.id());
                }
                return recorded == OutboxRepository.Recorded.REARMED;
            }
            case DeliveryResult.RetryLater later -> {
                if (row.attempts() >= properties.maxAttempts()) {
                    giveUp(row, Optional.of(delivery), port, "still failing after " + row.attempts() + " tries: "
                            + later.reason());
                    return false;
                }
                Duration wait = properties.backoff(row.attempts());
                if (later.retryAfter().isPresent() && later.retryAfter().get().compareTo(wait) > 0) {
                    wait = later.retryAfter().get();
                }
                count(row, "retry");
                rows.retry(row, now.plus(wait), later.reason());
                log.info("{} to {} (outbox row {}, try {}) not delivered: {}; retrying in {}", row.kind(),
                        row.platform(), row.id(), row.attempts(), later.reason(), wait);
                return false;
            }
            case DeliveryResult.Failed failed -> {
                giveUp(row, Optional.of(delivery), port, failed.reason());
                return false;
            }
        }
    }

    private void giveUp(OutboxRepository.Claimed row, Optional<Delivery> delivery, DeliveryPort port, String reason) {
        count(row, "gave_up");
        log.warn("Giving up {} to {} (outbox row {}): {}", row.kind(), row.platform(), row.id(), reason);
        // Withdraw first (that cancels the round's other rows, this one too), then mark: a crash
        // in between leaves a withdrawn round, never a reveal for a question nobody saw.
        if (delivery.isPresent() && delivery.get().announcement() instanceof Announcement.RoundOpened opened) {
            try {
                events.publishEvent(new DeliveryFailed(opened.channel(), opened.question().roundId(), opened.scheduled(),
                        reason));
            } catch (RuntimeException e) {
                log.error("Could not withdraw round {} after its post was given up", opened.question().roundId(), e);
            }
        }
        rows.gaveUp(row, reason, clock.instant());
        if (delivery.isPresent() && port != null) {
            try {
                port.gaveUp(delivery.get(), reason);
            } catch (RuntimeException e) {
                log.warn("The {} port failed handling a given-up row: {}", row.platform(), e.toString());
            }
        }
    }

    private void count(OutboxRepository.Claimed row, String outcome) {
        meters.counter("quizbot.outbox.deliveries", "platform", row.platform(), "kind", row.kind(),
                "outcome", outcome).increment();
    }

    @Override
    public void close() {
        later.shutdownNow();
        deliveries.shutdown();
    }
}
