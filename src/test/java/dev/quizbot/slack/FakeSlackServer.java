package dev.quizbot.slack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's Web API and response URLs, played on loopback: records every call and answers the
 * way Slack does (ok/error JSON, {@code ts} values, 429 with {@code Retry-After} when scripted).
 * Only the bot token {@link #BOT_TOKEN} is accepted.
 */
final class FakeSlackServer implements AutoCloseable {

    static final String BOT_TOKEN = "xoxb-test-token";
    static final String APP_TOKEN = "xapp-test-token";
    static final String TEAM = "T0TEST";

    /** One call as Slack would have received it. */
    record Call(String method, Map<String, String> params, String body, String answer) {

        /** A field of the JSON this fake answered with. */
        String answered(String field) {
            return JSON.readTree(answer).path(field).asString();
        }

        String param(String name) {
            return params.get(name);
        }

        JsonNode json(String name) {
            return JSON.readTree(params.get(name));
        }
    }

    /** A canned answer for one call. */
    record Scripted(int status, Map<String, String> headers, String body) {

        static Scripted error(String error) {
            return new Scripted(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
        }

        static Scripted rateLimited(int retryAfterSeconds) {
            return new Scripted(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
                    "{\"ok\":false,\"error\":\"ratelimited\"}");
        }
    }

    private record Script(String method, String channel, Deque<Scripted> answers) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Script> scripts = new CopyOnWriteArrayList<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000_100L);
    private volatile Set<String> admins = Set.of();
    private volatile List<String> adminGroupMembers = List.of();
    private volatile String socketModeUrl;

    FakeSlackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + id;
    }

    /** Where {@code apps.connections.open} sends Socket Mode clients. */
    void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    void admins(Set<String> userIds) {
        admins = Set.copyOf(userIds);
    }

    void adminGroup(List<String> members) {
        adminGroupMembers = List.copyOf(members);
    }

    /** The next calls of {@code method} (to {@code channel}, or any when null) get these answers. */
    void script(String method, String channel, Scripted... answers) {
        scripts.add(new Script(method, channel, new ArrayDeque<>(List.of(answers))));
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    List<Call> calls(String method, String channel) {
        return calls.stream().filter(c -> c.method().equals(method) && channel.equals(c.param("channel"))).toList();
    }

    /** What was sent to one response_url. */
    List<Call> responses(String id) {
        return calls("respond:" + id);
    }

    void reset() {
        calls.clear();
        scripts.clear();
        admins = Set.of();
        adminGroupMembers = List.of();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/respond/")) {
                calls.add(new Call("respond:" + path.substring("/respond/".length()), jsonParams(body), body, "ok"));
                send(exchange, new Scripted(200, Map.of("Content-Type", "text/plain"), "ok"));
                return;
            }
            String method = path.substring("/api/".length());
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> params = contentType != null && contentType.startsWith("application/json")
                    ? jsonParams(body) : formParams(body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String token = "apps.connections.open".equals(method) ? APP_TOKEN : BOT_TOKEN;
            Scripted scripted = ("Bearer " + token).equals(auth) ? scripted(method, params.get("channel"))
                    : Scripted.error("invalid_auth");
            Scripted answer = scripted != null ? scripted : answer(method, params);
            calls.add(new Call(method, params, body, answer.body()));
            send(exchange, answer);
        }
    }

    private synchronized Scripted scripted(String method, String channel) {
        for (Script script : scripts) {
            if (script.method().equals(method) && (script.channel() == null || script.channel().equals(channel))
                    && !script.answers().isEmpty()) {
                return script.answers().poll();
            }
        }
        return null;
    }

    private Scripted answer(String method, Map<String, String> params) {
        String channel = params.getOrDefault("channel", "");
        return switch (method) {
            case "auth.test" -> ok("\"url\":\"https://quizbot-test.slack.com/\",\"team\":\"Test\",\"user\":\"quizbot\","
                    + "\"team_id\":\"" + TEAM + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"");
            case "chat.postMessage" -> ok("\"channel\":\"" + channel + "\",\"ts\":\"" + nextTs() + "\"");
            case "chat.update" -> ok("\"channel\":\"" + channel + "\",\"ts\":\"" + params.get("ts") + "\"");
            case "chat.postEphemeral" -> ok("\"message_ts\":\"" + nextTs() + "\"");
            case "views.open", "views.update", "views.publish" -> ok("\"view\":{\"id\":\"VFAKE\",\"hash\":\"h1\"}");
            case "users.info" -> {
                String user = params.get("user");
                boolean admin = admins.contains(user);
                yield ok("\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\",\"name\":\"" + user.toLowerCase()
                        + "\",\"real_name\":\"Real " + user + "\",\"is_admin\":" + admin + ",\"is_owner\":false,"
                        + "\"is_primary_owner\":false,\"profile\":{\"display_name\":\"Display " + user + "\"}}");
            }
            case "apps.connections.open" -> ok("\"url\":\"" + socketModeUrl + "\"");
            case "usergroups.users.list" -> ok("\"users\":" + JSON.writeValueAsString(adminGroupMembers));
            default -> Scripted.error("unknown_method");
        };
    }

    private String nextTs() {
        long value = ts.incrementAndGet();
        return (value / 1_000_000) + "." + String.format("%06d", value % 1_000_000);
    }

    private static Scripted ok(String fields) {
        return new Scripted(200, Map.of(), "{\"ok\":true," + fields + "}");
    }

    private static void send(HttpExchange exchange, Scripted answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    /** JSON bodies flattened one level: objects and arrays stay as JSON text, like form fields do. */
    private static Map<String, String> jsonParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isBlank()) {
            return params;
        }
        JsonNode node = JSON.readTree(body);
        for (var entry : node.properties()) {
            JsonNode value = entry.getValue();
            params.put(entry.getKey(), value.isValueNode() ? value.asString() : value.toString());
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<String> texts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        collectTexts(blocks, texts);
        return texts;
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isObject()) {
            JsonNode text = node.get("text");
            if (text != null && text.isString()) {
                texts.add(text.asString());
            }
            node.properties().forEach(e -> collectTexts(e.getValue(), texts));
        } else if (node.isArray()) {
            node.forEach(child -> collectTexts(child, texts));
        }
    }
}
