package dev.quizbot.discord;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal Discord on loopback for real JDA to talk to: the REST API under {@code /api/v10/}
 * and the gateway WebSocket under {@code /gateway}, both served by one MockWebServer.
 *
 * <p>The gateway speaks enough of the protocol for a bot to log in (HELLO, IDENTIFY, READY,
 * GUILD_CREATE with one guild, its channels, roles and the bot's member, heartbeats), with
 * zlib-stream compression as JDA requests by default, and then delivers the INTERACTION_CREATE
 * events a test sends. The REST side answers what JDA calls (gateway discovery, the bot user,
 * command registration, interaction callbacks and follow-ups, channel messages and edits, DMs),
 * keeps the messages it was sent, and records every call with its arrival time.
 */
final class FakeDiscord implements AutoCloseable {

    static final String APP_ID = "1100000000000000001";
    static final String BOT_ID = APP_ID;
    static final String GUILD_ID = "1200000000000000001";
    static final String OWNER_ID = "1300000000000000001";
    static final String ADMIN_ID = "1300000000000000002";
    static final String MEMBER_ID = "1300000000000000003";
    static final String QUIZ_CHANNEL = "1400000000000000001";
    /** A channel whose permission overwrite denies the bot Send Messages. */
    static final String LOCKED_CHANNEL = "1400000000000000002";
    /** A channel the bot may post in as far as JDA's cache knows, where Discord still refuses ({@link #rejectMessagesIn}). */
    static final String REVOKED_CHANNEL = "1400000000000000003";
    static final String DM_CHANNEL = "1400000000000000099";
    static final String EVERYONE_ROLE = GUILD_ID;
    static final String ADMIN_ROLE = "1500000000000000002";
    static final String BOT_ROLE = "1500000000000000003";
    static final String COMMAND_ID = "1600000000000000001";

    static final long MANAGE_GUILD = 1L << 5;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long EMBED_LINKS = 1L << 14;
    static final long READ_HISTORY = 1L << 16;
    static final long USE_COMMANDS = 1L << 31;
    static final long MEMBER_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_HISTORY | USE_COMMANDS;

    private static final long DISCORD_EPOCH = 1420070400000L;
    private static final Pattern INTERACTION_CALLBACK = Pattern.compile("/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern WEBHOOK = Pattern.compile("/webhooks/(\\d+)/([^/]+)(/messages/@original)?");
    private static final Pattern COMMANDS = Pattern.compile("/applications/(\\d+)(/guilds/(\\d+))?/commands");

    /** One REST call JDA made, with the fake's reply status and when it arrived. */
    record RestCall(String method, String path, String query, JsonNode body, long arrivedNanos, int status) {

        boolean is(String method, String pathPattern) {
            return this.method.equals(method) && path.matches(pathPattern);
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final MockWebServer server = new MockWebServer();
    private final List<RestCall> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    private final Map<String, Long> interactionsSentNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> interactionsAckedNanos = new ConcurrentHashMap<>();
    private final Map<String, String> interactionChannels = new ConcurrentHashMap<>();
    private final Map<String, String> originals = new ConcurrentHashMap<>();
    private final Set<String> rejectedChannels = ConcurrentHashMap.newKeySet();
    /** Channels whose next posts get 429, and how many more. */
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> rateLimited = new ConcurrentHashMap<>();
    private final AtomicLong snowflakeCounter = new AtomicLong();
    private final AtomicInteger sequence = new AtomicInteger();
    private final CountDownLatch guildDelivered = new CountDownLatch(1);
    private volatile Gateway gateway;
    private volatile JsonNode identify;
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    private final List<WebSocket> sessions = new CopyOnWriteArrayList<>();

    FakeDiscord() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FakeDiscord.this.dispatch(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** What to give JDA's {@code RestConfig#setBaseUrl}. */
    String restBaseUrl() {
        return server.url("/api/v10/").toString();
    }

    String gatewayUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/gateway";
    }

    // ---------------------------------------------------------------- gateway

    /** Waits until the bot identified and received its guild. */
    void awaitLogin(Duration timeout) throws InterruptedException {
        if (!guildDelivered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("JDA did not log in to the fake gateway within " + timeout
                    + "; REST calls so far: " + calls);
        }
    }

    JsonNode identify() {
        return identify;
    }

    /** Every IDENTIFY received, one per shard session. */
    List<JsonNode> identifies() {
        return List.copyOf(identifies);
    }

    /** Sends an INTERACTION_CREATE and returns its id (for {@link #ackNanos(String)}). */
    String interact(ObjectNode interaction) {
        String id = interaction.get("id").asString();
        interactionChannels.put(id, interaction.get("channel_id").asString());
        interactionsSentNanos.put(id, System.nanoTime());
        gateway().dispatch("INTERACTION_CREATE", interaction);
        return id;
    }

    private Gateway gateway() {
        Gateway current = gateway;
        if (current == null) {
            throw new IllegalStateException("No gateway session: call awaitLogin first");
        }
        return current;
    }

    private final class Gateway extends WebSocketListener {
        private final boolean zlib;
        private final Deflater deflater = new Deflater();
        private volatile WebSocket socket;

        Gateway(boolean zlib) {
            this.zlib = zlib;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            sessions.add(webSocket);
            if (gateway == null) {
                gateway = this;
            }
            send(object().put("op", 10).set("d", object().put("heartbeat_interval", 41_250)));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode frame = json.readTree(text);
            switch (frame.get("op").asInt()) {
                case 1 -> send(object().put("op", 11));
                case 2 -> {
                    JsonNode identified = frame.get("d");
                    identify = identified;
                    identifies.add(identified);
                    // Discord sends a guild to the shard (guild_id >> 22) % shard_count only.
                    JsonNode shard = identified.path("shard");
                    int shardId = shard.isArray() ? shard.get(0).asInt() : 0;
                    int shardCount = shard.isArray() ? shard.get(1).asInt() : 1;
                    boolean ours = (Long.parseLong(GUILD_ID) >> 22) % shardCount == shardId;
                    dispatch("READY", ready(ours, shardId, shardCount));
                    if (ours) {
                        dispatch("GUILD_CREATE", guild());
                        gateway = this;
                        guildDelivered.countDown();
                    }
                }
                default -> {
                    // presence updates and the like need no answer
                }
            }
        }

        void dispatch(String type, JsonNode payload) {
            ObjectNode frame = object().put("op", 0).put("t", type);
            frame.set("d", payload);
            synchronized (this) {
                frame.put("s", sequence.incrementAndGet());
                send(frame);
            }
        }

        /** Serialised: the zlib stream is one context shared by every frame, in order. */
        private synchronized void send(JsonNode frame) {
            byte[] bytes = json.writeValueAsBytes(frame);
            if (!zlib) {
                socket.send(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            deflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int written;
            do {
                written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, written);
            } while (written == buffer.length);
            socket.send(ByteString.of(out.toByteArray()));
        }
    }

    private ObjectNode ready(boolean withGuild, int shardId, int shardCount) {
        ObjectNode ready = object().put("v", 10).put("session_id", "fake-session")
                .put("resume_gateway_url", gatewayUrl());
        ready.set("user", user(BOT_ID, "quizbot", true));
        var guilds = json.createArrayNode();
        if (withGuild) {
            guilds.add(object().put("id", GUILD_ID).put("unavailable", true));
        }
        ready.set("guilds", guilds);
        ready.set("application", object().put("id", APP_ID).put("flags", 0));
        ready.set("private_channels", json.createArrayNode());
        ready.set("shard", json.createArrayNode().add(shardId).add(shardCount));
        return ready;
    }

    private ObjectNode guild() {
        ObjectNode guild = object().put("id", GUILD_ID).put("name", "Interview Prep").put("owner_id", OWNER_ID)
                .put("afk_timeout", 300).put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0)
                .put("preferred_locale", "en-US").put("member_count", 3).put("large", false)
                .put("unavailable", false).put("joined_at", timestamp()).put("system_channel_flags", 0);
        guild.putNull("icon");
        guild.set("features", json.createArrayNode());
        guild.set("roles", json.createArrayNode()
                .add(role(EVERYONE_ROLE, "@everyone", 0, MEMBER_PERMISSIONS, false))
                .add(role(ADMIN_ROLE, "Admin", 2, MEMBER_PERMISSIONS | MANAGE_GUILD, false))
                .add(role(BOT_ROLE, "quizbot", 1, MEMBER_PERMISSIONS, true)));
        ObjectNode locked = channel(LOCKED_CHANNEL, "announcements", 1);
        locked.set("permission_overwrites", json.createArrayNode().add(object().put("id", BOT_ROLE).put("type", 0)
                .put("allow", "0").put("deny", String.valueOf(SEND_MESSAGES))));
        guild.set("channels", json.createArrayNode().add(channel(QUIZ_CHANNEL, "ml-quiz", 0)).add(locked)
                .add(channel(REVOKED_CHANNEL, "archive", 2)));
        guild.set("members", json.createArrayNode().add(member(BOT_ID, "quizbot", true, BOT_ROLE)));
        for (String empty : List.of("emojis", "stickers", "threads", "voice_states", "presences", "stage_instances",
                "guild_scheduled_events", "soundboard_sounds")) {
            guild.set(empty, json.createArrayNode());
        }
        return guild;
    }

    private ObjectNode role(String id, String name, int position, long permissions, boolean managed) {
        ObjectNode role = object().put("id", id).put("name", name).put("color", 0).put("hoist", false)
                .put("position", position).put("permissions", String.valueOf(permissions)).put("managed", managed)
                .put("mentionable", false).put("flags", 0);
        role.set("colors", object().put("primary_color", 0));
        if (managed) {
            role.set("tags", object().put("bot_id", BOT_ID));
        }
        return role;
    }

    private ObjectNode channel(String id, String name, int position) {
        ObjectNode channel = object().put("id", id).put("type", 0).put("guild_id", GUILD_ID).put("name", name)
                .put("position", position).put("nsfw", false).put("rate_limit_per_user", 0);
        channel.set("permission_overwrites", json.createArrayNode());
        channel.putNull("parent_id");
        channel.putNull("topic");
        channel.putNull("last_message_id");
        return channel;
    }

    ObjectNode user(String id, String name, boolean bot) {
        ObjectNode user = object().put("id", id).put("username", name).put("discriminator", "0")
                .put("global_name", name).put("bot", bot).put("public_flags", 0);
        user.putNull("avatar");
        return user;
    }

    ObjectNode member(String id, String name, boolean bot, String... roles) {
        ObjectNode member = object().put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false)
                .put("mute", false).put("flags", 0).put("pending", false);
        member.set("user", user(id, name, bot));
        member.putNull("nick");
        member.putNull("avatar");
        var roleIds = json.createArrayNode();
        for (String role : roles) {
            roleIds.add(role);
        }
        member.set("roles", roleIds);
        return member;
    }

    // ---------------------------------------------------------------- interactions

    /** A user of the fake guild: the admin has the Admin role (Manage Server), the member none. */
    record Person(String id, String name, String... roles) {
        static Person admin() {
            return new Person(ADMIN_ID, "Ada", ADMIN_ROLE);
        }

        static Person member() {
            return new Person(MEMBER_ID, "Max");
        }

        static Person numbered(int n) {
            return new Person(String.valueOf(1700000000000000000L + n), "player" + n);
        }
    }

    /** {@code /quiz <path...>} with options as name/value pairs; a path of two names is group + subcommand. */
    ObjectNode slash(Person who, String channelId, List<String> path, Map<String, Object> options) {
        return command(2, who, channelId, path, options, null);
    }

    ObjectNode autocomplete(Person who, String channelId, List<String> path, Map<String, Object> options,
                            String focused) {
        return command(4, who, channelId, path, options, focused);
    }

    private ObjectNode command(int type, Person who, String channelId, List<String> path, Map<String, Object> options,
                               String focused) {
        var values = json.createArrayNode();
        options.forEach((name, value) -> {
            ObjectNode option = object().put("name", name);
            switch (value) {
                case Long number -> option.put("type", 4).put("value", number);
                case Integer number -> option.put("type", 4).put("value", number);
                case Person user -> option.put("type", 6).put("value", user.id());
                default -> option.put("type", 3).put("value", value.toString());
            }
            if (name.equals(focused)) {
                option.put("focused", true);
            }
            values.add(option);
        });
        ObjectNode leaf = object().put("name", path.getLast()).put("type", 1);
        leaf.set("options", values);
        ObjectNode top = leaf;
        if (path.size() == 2) {
            top = object().put("name", path.getFirst()).put("type", 2);
            top.set("options", json.createArrayNode().add(leaf));
        }
        ObjectNode data = object().put("id", COMMAND_ID).put("name", QuizCommands.NAME).put("type", 1);
        data.set("options", json.createArrayNode().add(top));
        ObjectNode resolved = object();
        options.values().stream().filter(Person.class::isInstance).map(Person.class::cast).forEach(user -> {
            resolved.withObject("users").set(user.id(), user(user.id(), user.name(), false));
            ObjectNode member = member(user.id(), user.name(), false, user.roles());
            member.remove("user");
            resolved.withObject("members").set(user.id(), member);
        });
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        return interaction(type, who, channelId, data);
    }

    /** A press of a message's button, as Discord sends it: with the message it belongs to. */
    ObjectNode button(Person who, String messageId, String customId) {
        ObjectNode message = message(messageId).orElseThrow(() -> new AssertionError("no message " + messageId));
        ObjectNode data = object().put("custom_id", customId).put("component_type", 2);
        ObjectNode interaction = interaction(3, who, message.get("channel_id").asString(), data);
        interaction.set("message", message);
        return interaction;
    }

    ObjectNode modalSubmit(Person who, String channelId, String customId, String inputId, String value) {
        ObjectNode input = object().put("type", 4).put("id", 2).put("custom_id", inputId).put("value", value);
        ObjectNode label = object().put("type", 18).put("id", 1);
        label.set("component", input);
        ObjectNode data = object().put("custom_id", customId);
        data.set("components", json.createArrayNode().add(label));
        return interaction(5, who, channelId, data);
    }

    private ObjectNode interaction(int type, Person who, String channelId, ObjectNode data) {
        String id = snowflake();
        ObjectNode interaction = object().put("id", id).put("application_id", APP_ID).put("type", type)
                .put("token", "token-" + id).put("version", 1).put("guild_id", GUILD_ID).put("channel_id", channelId)
                .put("locale", "en-US").put("guild_locale", "en-US").put("context", 0)
                .put("app_permissions", String.valueOf(MEMBER_PERMISSIONS))
                .put("attachment_size_limit", 10_485_760);
        interaction.set("guild", object().put("id", GUILD_ID).put("locale", "en-US")
                .set("features", json.createArrayNode()));
        interaction.set("channel", channel(channelId, channelId.equals(QUIZ_CHANNEL) ? "ml-quiz" : "announcements", 0));
        ObjectNode member = member(who.id(), who.name(), false, who.roles());
        member.put("permissions", String.valueOf(MEMBER_PERMISSIONS
                | (List.of(who.roles()).contains(ADMIN_ROLE) ? MANAGE_GUILD : 0)));
        interaction.set("member", member);
        interaction.set("entitlements", json.createArrayNode());
        interaction.set("authorizing_integration_owners", object().put("0", GUILD_ID));
        interaction.set("data", data);
        return interaction;
    }

    // ---------------------------------------------------------------- REST

    /** From now on, posting to this channel fails as if the bot's permission had just been revoked. */
    void rejectMessagesIn(String channelId) {
        rejectedChannels.add(channelId);
    }

    /** The next {@code times} posts to this channel are answered 429, retry after one second. */
    void rateLimitMessagesIn(String channelId, int times) {
        rateLimited.put(channelId, new java.util.concurrent.atomic.AtomicInteger(times));
    }

    private MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/gateway")) {
            return new MockResponse.Builder()
                    .webSocketUpgrade(new Gateway("zlib-stream".equals(request.getUrl().queryParameter("compress"))))
                    .build();
        }
        String route = path.startsWith("/api/v10") ? path.substring("/api/v10".length()) : path;
        JsonNode body = request.getBody() == null || request.getBody().size() == 0 ? null
                : json.readTree(request.getBody().utf8());
        long arrived = System.nanoTime();
        Reply reply = route(request.getMethod(), route, body);
        calls.add(new RestCall(request.getMethod(), route, request.getUrl().encodedQuery(), body, arrived, reply.status));
        MockResponse.Builder response = new MockResponse.Builder().code(reply.status);
        if (reply.status == 429) {
            response.setHeader("Retry-After", "1").setHeader("X-RateLimit-Scope", "user");
        }
        if (reply.body != null) {
            response.setHeader("Content-Type", "application/json").body(json.writeValueAsString(reply.body));
        }
        return response.build();
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply route(String method, String route, JsonNode body) {
        Matcher m;
        if (method.equals("GET") && route.equals("/gateway/bot")) {
            ObjectNode limit = object().put("total", 1000).put("remaining", 1000).put("reset_after", 0)
                    .put("max_concurrency", 1);
            ObjectNode gateway = object().put("url", gatewayUrl()).put("shards", 1);
            gateway.set("session_start_limit", limit);
            return new Reply(200, gateway);
        }
        if (method.equals("GET") && route.equals("/users/@me")) {
            return new Reply(200, user(BOT_ID, "quizbot", true));
        }
        if ((m = INTERACTION_CALLBACK.matcher(route)).matches()) {
            interactionsAckedNanos.putIfAbsent(m.group(1), System.nanoTime());
            return new Reply(204, null);
        }
        if ((m = COMMANDS.matcher(route)).matches() && method.equals("PUT")) {
            var registered = json.createArrayNode();
            for (JsonNode command : body) {
                ObjectNode copy = ((ObjectNode) command).deepCopy().put("id", COMMAND_ID).put("application_id", APP_ID)
                        .put("version", "1").put("type", 1);
                if (m.group(3) != null) {
                    copy.put("guild_id", m.group(3));
                }
                registered.add(copy);
            }
            return new Reply(200, registered);
        }
        if ((m = WEBHOOK.matcher(route)).matches()) {
            String channel = interactionChannels.getOrDefault(m.group(2).replace("token-", ""), QUIZ_CHANNEL);
            if (method.equals("DELETE")) {
                return new Reply(204, null);
            }
            String id = m.group(3) == null ? snowflake() : originals.computeIfAbsent(m.group(2), token -> snowflake());
            return new Reply(200, storeMessage(id, channel, body, method.equals("PATCH")));
        }
        if ((m = CHANNEL_MESSAGE.matcher(route)).matches() && method.equals("PATCH")) {
            if (!messages.containsKey(m.group(2))) {
                return error(404, 10008, "Unknown Message");
            }
            return new Reply(200, storeMessage(m.group(2), m.group(1), body, true));
        }
        if ((m = CHANNEL_MESSAGES.matcher(route)).matches() && method.equals("POST")) {
            if (rejectedChannels.contains(m.group(1))) {
                return error(403, 50013, "Missing Permissions");
            }
            var limited = rateLimited.get(m.group(1));
            if (limited != null && limited.getAndDecrement() > 0) {
                return new Reply(429, object().put("message", "You are being rate limited.").put("retry_after", 1.0)
                        .put("global", false));
            }
            return new Reply(200, storeMessage(snowflake(), m.group(1), body, false));
        }
        if (method.equals("POST") && route.equals("/users/@me/channels")) {
            ObjectNode dm = object().put("id", DM_CHANNEL).put("type", 1);
            dm.putNull("last_message_id");
            dm.set("recipients", json.createArrayNode().add(user(body.get("recipient_id").asString(), "someone", false)));
            return new Reply(200, dm);
        }
        if (method.equals("GET") && route.startsWith("/users/")) {
            String id = route.substring("/users/".length());
            return new Reply(200, user(id, id.equals(ADMIN_ID) ? "Ada" : "user" + id, false));
        }
        return error(404, 0, "404: Not Found");
    }

    private Reply error(int status, int code, String message) {
        return new Reply(status, object().put("code", code).put("message", message));
    }

    /** Keeps the message as Discord would show it: a PATCH changes only the fields it sends. */
    private ObjectNode storeMessage(String id, String channelId, JsonNode body, boolean edit) {
        ObjectNode message = edit && messages.containsKey(id) ? messages.get(id).deepCopy()
                : object().put("id", id).put("channel_id", channelId).put("type", 0).put("content", "")
                        .put("tts", false).put("mention_everyone", false).put("pinned", false).put("flags", 0)
                        .put("timestamp", timestamp());
        if (!message.has("author")) {
            message.set("author", user(BOT_ID, "quizbot", true));
            for (String empty : List.of("embeds", "components", "attachments", "mentions", "mention_roles")) {
                message.set(empty, json.createArrayNode());
            }
            message.putNull("edited_timestamp");
        }
        if (body != null) {
            for (String field : List.of("content", "embeds", "components", "flags")) {
                if (body.has(field) && !body.get(field).isNull()) {
                    message.set(field, body.get(field).deepCopy());
                }
            }
            // Discord stores every embed a bot sends as a "rich" embed.
            message.get("embeds").forEach(embed -> ((ObjectNode) embed).put("type", "rich"));
            if (body.has("message_reference")) {
                message.set("message_reference", body.get("message_reference"));
            }
        }
        if (edit) {
            message.put("edited_timestamp", timestamp());
        }
        messages.put(id, message);
        ObjectNode echo = message.deepCopy();
        echo.remove("message_reference");
        return echo;
    }

    // ---------------------------------------------------------------- observations

    List<RestCall> calls() {
        return List.copyOf(calls);
    }

    List<RestCall> calls(String method, String pathPattern) {
        return calls.stream().filter(c -> c.is(method, pathPattern)).toList();
    }

    /** The first call matching, waiting for it up to {@code timeout}. */
    RestCall await(String description, Duration timeout, Predicate<RestCall> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RestCall> found = calls.stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("Discord never received " + description + " within " + timeout + "; calls: "
                + calls.stream().map(c -> c.method() + " " + c.path() + " " + c.status()).toList());
    }

    /** The callback Discord got for an interaction: its {@code type} says ack kind (4 reply, 5 deferred, 8 choices, 9 modal). */
    RestCall awaitCallback(String interactionId, Duration timeout) throws InterruptedException {
        return await("the callback of interaction " + interactionId, timeout,
                c -> c.is("POST", "/interactions/" + interactionId + "/.*/callback"));
    }

    /** The deferred reply's content, as the follow-up edit of {@code @original} (or a follow-up message) set it. */
    RestCall awaitFollowUp(String interactionId, Duration timeout) throws InterruptedException {
        return await("a follow-up to interaction " + interactionId, timeout,
                c -> c.path().startsWith("/webhooks/" + APP_ID + "/token-" + interactionId)
                        && !c.method().equals("DELETE"));
    }

    Optional<ObjectNode> message(String id) {
        return Optional.ofNullable(messages.get(id)).map(ObjectNode::deepCopy);
    }

    List<ObjectNode> messagesIn(String channelId) {
        List<ObjectNode> found = new ArrayList<>();
        messages.values().stream().filter(m -> m.get("channel_id").asString().equals(channelId))
                .sorted((a, b) -> a.get("id").asString().compareTo(b.get("id").asString()))
                .forEach(m -> found.add(m.deepCopy()));
        return found;
    }

    long sentNanos(String interactionId) {
        return interactionsSentNanos.getOrDefault(interactionId, -1L);
    }

    /** Nanoseconds from sending the interaction to its callback's arrival, or -1 if none arrived. */
    long ackNanos(String interactionId) {
        Long sent = interactionsSentNanos.get(interactionId);
        Long acked = interactionsAckedNanos.get(interactionId);
        return sent == null || acked == null ? -1 : acked - sent;
    }

    private String snowflake() {
        return String.valueOf(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (snowflakeCounter.incrementAndGet() & 0x3FFFFF));
    }

    private static String timestamp() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private ObjectNode object() {
        return json.createObjectNode();
    }

    static Map<String, Object> options(Object... nameValuePairs) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            options.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return options;
    }

    @Override
    public void close() {
        sessions.forEach(session -> session.close(1000, "test over"));
        server.close();
    }
}
