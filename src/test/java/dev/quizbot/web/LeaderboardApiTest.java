package dev.quizbot.web;

import static dev.quizbot.testing.KeywordTestGrader.BAD;
import static dev.quizbot.testing.KeywordTestGrader.GOOD;
import static dev.quizbot.testing.KeywordTestGrader.HALF;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.ChatService;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Reply;
import dev.quizbot.console.ConsoleChat;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.Screen;
import dev.quizbot.testing.TestBeans;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leaderboard API and page over real HTTP: answers are played through the core (console
 * sessions and the chat service), then read back as JSON the way the page reads them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizbot.bank.path=src/test/resources/test-bank",
        "spring.datasource.url=jdbc:h2:mem:quizbot-web;DB_CLOSE_DELAY=-1",
        "quizbot.ticker.enabled=false",
        "quizbot.console.enabled=false",
        "quizbot.scoring.default-zone=UTC"})
@Import(TestBeans.class)
class LeaderboardApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ConsoleChat console;
    @Autowired
    ChatService chat;
    @Autowired
    RoundService rounds;

    final MutableClock clock = MutableClock.SHARED;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    private Response get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One easy RAG round in the asker's channel where each player answers as given. */
    private void round(ConsoleChat.ConsoleSession asker, List<ConsoleChat.ConsoleSession> players, List<String> answers) {
        assertThat(asker.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        for (int i = 0; i < players.size(); i++) {
            assertThat(players.get(i).send(answers.get(i))).isInstanceOf(Reply.Feedback.class);
        }
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
    }

    /** What an admin of the community types to put its boards on the web page. */
    private void publish(String community, boolean on) {
        var admin = console.connect(community, "general", "admin", true, new Screen());
        assertThat(admin.send("leaderboard publish " + (on ? "on" : "off"))).isInstanceOf(Reply.Done.class);
    }

    private static List<String> rows(JsonNode board) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : board.get("rows")) {
            rows.add(row.get("rank").asInt() + " " + row.get("name").asString() + " " + row.get("points").asDouble());
        }
        return rows;
    }

    @Test
    void serverBoardRanksPlayersWithSharedRanksForTiesAndShowsTheWindow() throws Exception {
        String community = "web-server-" + System.nanoTime();
        clock.set("2026-05-13T10:00:00Z"); // a Wednesday
        var ann = console.connect(community, "general", "ann", false, new Screen());
        var bo = console.connect(community, "general", "bo", false, new Screen());
        var cy = console.connect(community, "random", "cy", false, new Screen());
        var dee = console.connect(community, "random", "dee", false, new Screen());
        round(ann, List.of(ann, bo), List.of(GOOD, GOOD));
        round(cy, List.of(cy, dee), List.of(HALF, BAD));
        publish(community, true);

        Response response = get("/api/leaderboards/console/" + community + "?scope=server&period=week");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode board = response.json();
        assertThat(rows(board)).containsExactly("1 ann 100.0", "1 bo 100.0", "3 cy 67.0", "4 dee 0.0");
        JsonNode ann1 = board.get("rows").get(0);
        assertThat(ann1.get("answers").asInt()).isEqualTo(1);
        assertThat(ann1.get("correct").asInt()).isEqualTo(1);
        assertThat(ann1.get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(board.get("rows").get(2).get("accuracy").asDouble()).isEqualTo(0.0);
        // names and numbers only, as in chat: no user ids
        assertThat(ann1.propertyNames()).containsExactlyInAnyOrder("rank", "name", "points", "answers", "correct",
                "accuracy");
        assertThat(board.get("scope").asString()).isEqualTo("server");
        assertThat(board.get("period").asString()).isEqualTo("week");
        assertThat(board.get("window").get("zone").asString()).isEqualTo("UTC");
        assertThat(board.get("window").get("first").asString()).isEqualTo("2026-05-11");
        assertThat(board.get("window").get("last").asString()).isEqualTo("2026-05-17");

        JsonNode allTime = get("/api/leaderboards/console/" + community + "?period=all").json();
        assertThat(allTime.get("scope").asString()).isEqualTo("server");
        assertThat(allTime.get("window").get("first").isNull()).isTrue();
        assertThat(rows(allTime)).hasSize(4);
    }

    @Test
    void anOpenRoundsScoresAreNotServedUntilItCloses() throws Exception {
        String community = "web-open-" + System.nanoTime();
        clock.set("2026-05-20T10:00:00Z");
        var ann = console.connect(community, "general", "ann", false, new Screen());
        var bo = console.connect(community, "general", "bo", false, new Screen());
        round(ann, List.of(bo), List.of(HALF));
        assertThat(ann.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        assertThat(ann.send(GOOD)).isInstanceOf(Reply.Feedback.class);
        publish(community, true);

        String base = "/api/leaderboards/console/" + community;
        for (String query : List.of("?scope=server&period=all", "?scope=server&period=today",
                "?scope=channel&channel=general&period=week")) {
            assertThat(rows(get(base + query).json())).as(query).containsExactly("1 bo 67.0");
        }

        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        assertThat(rows(get(base + "?scope=server&period=all").json())).containsExactly("1 ann 100.0", "2 bo 67.0");
    }

    @Test
    void channelAndTeamBoardsAndTheWindowMovesWithTheDay() throws Exception {
        String community = "web-scopes-" + System.nanoTime();
        clock.set("2026-06-01T09:00:00Z");
        var ann = console.connect(community, "general", "ann", false, new Screen());
        var bo = console.connect(community, "general", "bo", false, new Screen());
        var cy = console.connect(community, "random", "cy", false, new Screen());
        assertThat(ann.send("team create Attention Heads")).isInstanceOf(Reply.Done.class);
        assertThat(bo.send("team join Attention Heads")).isInstanceOf(Reply.Done.class);
        assertThat(cy.send("team create Lone Wolves")).isInstanceOf(Reply.Done.class);
        round(ann, List.of(ann, bo), List.of(GOOD, HALF));
        clock.set("2026-06-02T09:00:00Z");
        round(cy, List.of(cy), List.of(GOOD));
        publish(community, true);

        String base = "/api/leaderboards/console/" + community;
        JsonNode general = get(base + "?scope=channel&channel=general&period=month").json();
        assertThat(rows(general)).containsExactly("1 ann 100.0", "2 bo 67.0");
        assertThat(general.get("channel").get("id").asString()).isEqualTo("general");
        assertThat(general.get("channel").get("name").asString()).isEqualTo("#general");
        assertThat(general.get("window").get("first").asString()).isEqualTo("2026-06-01");
        assertThat(general.get("window").get("last").asString()).isEqualTo("2026-06-30");

        JsonNode today = get(base + "?scope=server&period=today").json();
        assertThat(rows(today)).containsExactly("1 cy 100.0");
        assertThat(today.get("window").get("first").asString()).isEqualTo("2026-06-02");
        assertThat(today.get("window").get("last").asString()).isEqualTo("2026-06-02");

        // Lone Wolves: 100 / 1 active member; Attention Heads: (100 + 67) / 2 = 83.5
        JsonNode teams = get(base + "?scope=TEAM&period=all").json();
        assertThat(rows(teams)).containsExactly("1 Lone Wolves 100.0", "2 Attention Heads 83.5");
        assertThat(teams.get("rows").get(1).get("answers").asInt()).isEqualTo(2);
        assertThat(teams.get("rows").get(1).get("correct").asInt()).isEqualTo(1);
        assertThat(teams.get("rows").get(1).get("accuracy").asDouble()).isEqualTo(0.5);

        JsonNode empty = get(base + "?scope=channel&channel=random&period=today").json();
        assertThat(rows(empty)).containsExactly("1 cy 100.0");
        clock.set("2026-06-03T09:00:00Z");
        assertThat(get(base + "?scope=channel&channel=random&period=today").json().get("rows")).isEmpty();
    }

    @Test
    void communitiesListThoseWithScoresWithNamesWhereKnownAndTheirChannels() throws Exception {
        String community = "web-list-" + System.nanoTime();
        clock.set("2026-07-01T09:00:00Z");
        var ann = console.connect(community, "general", "ann", false, new Screen());
        round(ann, List.of(ann), List.of(GOOD));
        // a Discord server: no adapter running here, so its id stands in for its name
        String guild = "9" + System.nanoTime();
        Caller zed = new Caller(new ChannelRef("discord", guild, "555"), "u-1", "zed", false);
        assertThat(chat.handle(zed, new Command.Ask(java.util.Optional.of("rag"), java.util.Optional.empty())))
                .isInstanceOf(Reply.RoundStarted.class);
        assertThat(chat.handle(zed, new Command.Answer(java.util.Optional.empty(), GOOD)))
                .isInstanceOf(Reply.Feedback.class);
        String silent = "web-silent-" + System.nanoTime();
        console.connect(silent, "general", "lurker", false, new Screen()).send("ask rag easy");
        publish(community, true);
        publish(silent, true);
        assertThat(chat.handle(new Caller(zed.channel(), "u-2", "owner", true), new Command.LeaderboardPublish(true)))
                .isInstanceOf(Reply.Done.class);

        JsonNode communities = get("/api/communities").json().get("communities");

        List<String> seen = new ArrayList<>();
        for (JsonNode c : communities) {
            List<String> channels = new ArrayList<>();
            c.get("channels").forEach(ch -> channels.add(ch.get("id").asString() + "=" + ch.get("name").asString()));
            seen.add(c.get("platform").asString() + "/" + c.get("id").asString() + " " + c.get("name").asString()
                    + " " + c.get("players").asInt() + " " + channels);
        }
        assertThat(seen).contains("console/" + community + " " + community + " 1 [general=#general]",
                "discord/" + guild + " " + guild + " 1 [555=555]");
        assertThat(seen).noneMatch(s -> s.contains(silent));
    }

    @Test
    void badParametersAreRefusedWithAMessageSayingWhatIsAllowed() throws Exception {
        String community = "web-bad-" + System.nanoTime();
        clock.set("2026-08-03T09:00:00Z");
        var ann = console.connect(community, "general", "ann", false, new Screen());
        round(ann, List.of(ann), List.of(GOOD));
        publish(community, true);
        String base = "/api/leaderboards/console/" + community;

        Response scope = get(base + "?scope=galaxy");
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.contentType()).startsWith("application/json");
        assertThat(scope.json().get("error").asString())
                .isEqualTo("Unknown scope 'galaxy'; use one of: channel, server, team.");

        Response period = get(base + "?period=" + encode("fortnight"));
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.json().get("error").asString())
                .isEqualTo("Unknown period 'fortnight'; use one of: today, week, month, all.");

        Response noChannel = get(base + "?scope=channel");
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.json().get("error").asString()).contains("needs a channel parameter").contains("general");

        Response otherChannel = get(base + "?scope=channel&channel=elsewhere");
        assertThat(otherChannel.status()).isEqualTo(404);
        assertThat(otherChannel.json().get("error").asString()).contains("'elsewhere'").contains("general");

        Response unknown = get("/api/leaderboards/console/nobody-plays-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asString()).contains("console/nobody-plays-here")
                .contains("GET /api/communities");

        Response huge = get("/api/leaderboards/console/" + "x".repeat(500) + "?scope=" + "y".repeat(500));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("error").asString()).hasSizeLessThan(120);
    }

    /** Sends a request line as is (the JDK's client refuses paths such as {@code <script>}), over plain HTTP/1.1. */
    private Response raw(String method, String target) throws IOException {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            String head = text.substring(0, text.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            String type = head.lines().filter(l -> l.startsWith("content-type:")).map(l -> l.substring(13).strip())
                    .findFirst().orElse("");
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            if (head.contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            return new Response(status, type, body);
        }
    }

    @Test
    void everyApiErrorIsJsonWithTheRightStatusEvenWhenTomcatRejectsThePath() throws Exception {
        record Case(String method, String target, int status, String says) {
        }
        List<Case> cases = List.of(
                new Case("GET", "/api/leaderboards/%00", 400, "Bad request"),
                new Case("GET", "/api/leaderboards/..%2F..%2Fetc", 400, "Bad request"),
                new Case("GET", "/api/<script>alert(1)</script>", 400, "Bad request"),
                new Case("GET", "/api/leaderboards/console", 404, "No such API endpoint (GET /api/leaderboards/console)"),
                new Case("GET", "/api/nothing/here", 404, "GET /api/topics"),
                new Case("POST", "/api/topics", 405, "read-only"),
                new Case("GET", "/api/leaderboards/myspace/anyone", 400,
                        "Unknown platform 'myspace'; use one of: console, discord, slack."));
        for (Case c : cases) {
            Response response = raw(c.method(), c.target());
            assertThat(response.status()).as(c.target()).isEqualTo(c.status());
            assertThat(response.contentType()).as(c.target()).startsWith("application/json");
            JsonNode body = response.json();
            assertThat(body.propertyNames()).as(c.target()).containsExactly("error");
            assertThat(body.get("error").asString()).as(c.target()).contains(c.says()).doesNotContain("<script>");
        }
    }

    @Test
    void anUnpublishedCommunityIsNeitherListedNorShownUntilAnAdminPublishesIt() throws Exception {
        String community = "web-private-" + System.nanoTime();
        clock.set("2026-08-10T09:00:00Z");
        var ann = console.connect(community, "general", "ann", false, new Screen());
        round(ann, List.of(ann), List.of(GOOD));
        String board = "/api/leaderboards/console/" + community + "?period=all";
        String unknown = get("/api/leaderboards/console/nobody-" + System.nanoTime()).json().get("error").asString();

        // scores exist, but nobody published them: not listed, and the board answers like an unknown one
        assertThat(get("/api/communities").body()).doesNotContain(community);
        Response hidden = get(board);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("error").asString().replace(community, "X"))
                .isEqualTo(unknown.replaceAll("nobody-\\d+", "X"));
        Response hiddenChannel = get("/api/leaderboards/console/" + community + "?scope=channel&channel=general");
        assertThat(hiddenChannel.status()).isEqualTo(404);
        assertThat(hiddenChannel.body()).doesNotContain("general");

        // a player cannot publish
        Reply refused = ann.send("leaderboard publish on");
        assertThat(refused).isInstanceOf(Reply.Refused.class);
        assertThat(((Reply.Refused) refused).reason()).contains("Only admins");
        assertThat(get(board).status()).isEqualTo(404);

        publish(community, true);
        assertThat(get("/api/communities").body()).contains(community);
        assertThat(rows(get(board).json())).containsExactly("1 ann 100.0");

        publish(community, false);
        assertThat(get("/api/communities").body()).doesNotContain(community);
        assertThat(get(board).status()).isEqualTo(404);
    }

    @Test
    void actuatorShowsHealthAndInfoButNotMetrics() throws Exception {
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        assertThat(get("/actuator/info").status()).isEqualTo(200);
        assertThat(get("/actuator/metrics").status()).isEqualTo(404);
        assertThat(get("/actuator/metrics/jvm.memory.used").status()).isEqualTo(404);
        assertThat(get("/actuator/env").status()).isEqualTo(404);
        assertThat(get("/actuator").body()).doesNotContain("metrics");
    }

    @Test
    void topicsListEveryTopicWithItsQuestionCounts() throws Exception {
        JsonNode topics = get("/api/topics").json();

        assertThat(topics.get("questions").asInt()).isPositive();
        List<String> seen = new ArrayList<>();
        int sum = 0;
        for (JsonNode t : topics.get("topics")) {
            seen.add(t.get("slug").asString() + " " + t.get("questions").asInt());
            sum += t.get("questions").asInt();
        }
        assertThat(seen).contains("evaluation 0").anyMatch(s -> s.startsWith("rag ") && !s.equals("rag 0"));
        assertThat(sum).isEqualTo(topics.get("questions").asInt());
        JsonNode rag = topics.get("topics").get(0);
        assertThat(rag.get("name").asString()).isEqualTo("Retrieval-augmented generation");
        assertThat(rag.get("byDifficulty").get("easy").asInt()).isPositive();
    }

    @Test
    void thePageIsServedWithItsScriptAndStylesheet() throws Exception {
        Response page = get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script src=\"app.js\" defer></script>")
                .contains("<link rel=\"stylesheet\" href=\"app.css\">")
                .contains("<label for=\"community\">").contains("<label for=\"scope\">")
                .contains("<label for=\"period\">").contains("<th scope=\"col\">Name</th>")
                .contains("name=\"viewport\"").doesNotContain("https://");

        Response script = get("/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).contains("api/communities").contains("api/leaderboards/");
        Response css = get("/app.css");
        assertThat(css.status()).isEqualTo(200);
        // the community choice gets a whole row (long names were cut off beside the other fields) ...
        assertThat(page.body()).contains("<div class=\"field wide\">\n        <label for=\"community\">");
        assertThat(css.body()).contains(".field.wide { flex-basis: 100%; }");
        // ... and on a phone every field does
        assertThat(css.body().substring(css.body().indexOf("@media (max-width: 30rem)"))).contains(".field { flex-basis: 100%; }");
    }
}
