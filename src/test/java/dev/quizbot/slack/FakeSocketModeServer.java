package dev.quizbot.slack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode endpoint on loopback: greets a connecting app with {@code hello}, sends it
 * envelopes, and records what the app sends back (the acknowledgements).
 */
final class FakeSocketModeServer extends WebSocketServer {

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch connected = new CountDownLatch(1);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile WebSocket app;

    FakeSocketModeServer() {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        setReuseAddr(true);
    }

    FakeSocketModeServer started() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Socket Mode fake did not start");
        }
        return this;
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=test";
    }

    void awaitApp() throws InterruptedException {
        if (!connected.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The app never connected over Socket Mode");
        }
    }

    void sendEnvelope(String json) {
        app.send(json);
    }

    List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        app = conn;
        conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                + "\"connection_info\":{\"app_id\":\"A0QUIZ\"}}");
        connected.countDown();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
