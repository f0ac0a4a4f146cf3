package dev.quizbot.outbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A delivery port for a platform of its own, standing in for a chat: it records what it was
 * handed and answers each delivery from a script (queued results first, then the default).
 */
final class ScriptedPort implements DeliveryPort {

    private final String platform;
    private final Deque<DeliveryResult> queued = new ArrayDeque<>();
    private volatile Function<Delivery, DeliveryResult> otherwise = d -> DeliveryResult.Delivered.as("m" + d.id());
    final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    final List<Delivery> givenUp = new CopyOnWriteArrayList<>();

    ScriptedPort(String platform) {
        this.platform = platform;
    }

    synchronized ScriptedPort then(DeliveryResult result) {
        queued.add(result);
        return this;
    }

    ScriptedPort otherwise(Function<Delivery, DeliveryResult> script) {
        this.otherwise = script;
        return this;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        delivered.add(delivery);
        DeliveryResult next;
        synchronized (this) {
            next = queued.poll();
        }
        return next != null ? next : otherwise.apply(delivery);
    }

    @Override
    public void gaveUp(Delivery delivery, String reason) {
        givenUp.add(delivery);
    }

    <T> List<T> shown(Class<T> type) {
        return delivered.stream().map(Delivery::announcement).filter(type::isInstance).map(type::cast).toList();
    }
}
