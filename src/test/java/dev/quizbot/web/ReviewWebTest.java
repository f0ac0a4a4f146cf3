package dev.quizbot.web;

import static dev.quizbot.testing.KeywordTestGrader.HALF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.chat.Reply;
import dev.quizbot.console.ConsoleChat;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.Screen;
import dev.quizbot.testing.TestBeans;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue's web page over real HTTP: the link {@code review web} gives an admin opens
 * their community's queue only, its decisions regrade as chat's do, and every other link is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizbot.bank.path=src/test/resources/test-bank",
        "spring.datasource.url=jdbc:h2:mem:quizbot-web;DB_CLOSE_DELAY=-1",
        "quizbot.ticker.enabled=false",
        "quizbot.console.enabled=false",
        "quizbot.scoring.default-zone=UTC"})
@Import(TestBeans.class)
class ReviewWebTest {

    @LocalServerPort
    int port;
    @Autowired
    ConsoleChat console;
    @Autowired
    RoundService rounds;
    @Autowired
    JdbcClient jdbc;

    final MutableClock clock = MutableClock.SHARED;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Review-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        return json.readTree(response.body()).get("error").asString();
    }

    /** A community where ann's partial answer (67 points) is appealed; the queue item's id. */
    private long appealed(String community, ConsoleChat.ConsoleSession ann) {
        assertThat(ann.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        Reply feedback = ann.send(HALF);
        assertThat(feedback).isInstanceOf(Reply.Feedback.class);
        long round = ((Reply.Feedback) feedback).feedback().roundId();
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        assertThat(ann.send("appeal #" + round + " retrieval is the point")).isInstanceOf(Reply.Done.class);
        return jdbc.sql("SELECT id FROM review_item WHERE community_key = ?").param("console:" + community)
                .query(Long.class).single();
    }

    private int points(String community, String user) {
        return jdbc.sql("SELECT points FROM answer WHERE community_key = ? AND user_id = ?")
                .params("console:" + community, user).query(Integer.class).single();
    }

    private static String token(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Done.class);
        String message = ((Reply.Done) reply).message();
        assertThat(message).contains("http://localhost:8080/review?token=");
        String encoded = message.substring(message.indexOf("?token=") + "?token=".length()).split("\\s")[0];
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static List<String> field(JsonNode items, String name) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get(name).asString()));
        return out;
    }

    @Test
    void anAdminsLinkListsTheirCommunityOnlyAndItsDecisionsRegradeAsInChat() throws Exception {
        clock.set("2026-10-05T09:00:00Z");
        String a = "rweb-a-" + System.nanoTime();
        String b = "rweb-b-" + System.nanoTime();
        Screen annScreen = new Screen();
        var ada = console.connect(a, "room", "ada", true, new Screen());
        var ann = console.connect(a, "room", "ann", false, annScreen);
        var bo = console.connect(b, "room", "bo", false, new Screen());
        long itemA = appealed(a, ann);
        long itemB = appealed(b, bo);
        assertThat(points(a, "ann")).isEqualTo(67);

        String token = token(ada.send("review web"));
        JsonNode queue = ok(send("GET", "/api/review", token, null));
        assertThat(queue.get("community").asString()).isEqualTo("console:" + a);
        assertThat(queue.get("pendingCount").asInt()).isEqualTo(1);
        assertThat(field(queue.get("pending"), "id")).containsExactly(String.valueOf(itemA));
        JsonNode item = queue.get("pending").get(0);
        assertThat(item.get("answer").asString()).isEqualTo(HALF.substring("answer ".length()));
        assertThat(item.get("player").asString()).isEqualTo("ann");
        assertThat(item.get("grade").asString()).isEqualTo("partial");
        assertThat(item.get("score").asInt()).isEqualTo(67);
        assertThat(item.get("reason").asString()).isEqualTo("retrieval is the point");
        assertThat(item.get("kind").asString()).isEqualTo("appeal");
        assertThat(queue.get("decided")).isEmpty();

        // another community's item is unknown here, and stays pending
        assertThat(error(send("POST", "/api/review/" + itemB + "/accept", token, "{}"), 404))
                .isEqualTo("There is no review item #" + itemB + " here.");
        assertThat(jdbc.sql("SELECT status FROM review_item WHERE id = ?").param(itemB).query(String.class).single())
                .isEqualTo("PENDING");
        assertThat(error(send("POST", "/api/review/" + itemA + "/approve", token, "{}"), 404)).contains("accept, reject");

        annScreen.take();
        JsonNode outcome = ok(send("POST", "/api/review/" + itemA + "/accept", token, "{}"));
        assertThat(outcome.get("message").asString()).contains("Accepted 1 answer as correct (100/100): ann +33 points.");
        assertThat(points(a, "ann")).isEqualTo(100);
        assertThat(annScreen.take()).contains("was regraded: partial → correct, +33 points");
        assertThat(jdbc.sql("SELECT d.admin_id FROM review_decision d JOIN review_item i ON i.decision_id = d.id"
                + " WHERE i.id = ?").param(itemA).query(String.class).single()).isEqualTo("ada");

        JsonNode after = ok(send("GET", "/api/review", token, null));
        assertThat(after.get("pending")).isEmpty();
        assertThat(field(after.get("decided"), "status")).containsExactly("accepted");
        assertThat(field(after.get("decided"), "decidedBy")).containsExactly("ada");
        // a second decision on a settled item changes nothing
        assertThat(error(send("POST", "/api/review/" + itemA + "/reject", token, "{\"note\": \"no\"}"), 409))
                .contains("already settled");
        assertThat(points(a, "ann")).isEqualTo(100);
    }

    @Test
    void missingTamperedForeignAndExpiredLinksAreRefusedWith401() throws Exception {
        clock.set("2026-10-06T09:00:00Z");
        String a = "rweb-c-" + System.nanoTime();
        var ada = console.connect(a, "room", "ada", true, new Screen());
        var ann = console.connect(a, "room", "ann", false, new Screen());
        long item = appealed(a, ann);
        String token = token(ada.send("review web"));

        assertThat(error(send("GET", "/api/review", null, null), 401)).contains("needs the link `review web`");
        assertThat(error(send("POST", "/api/review/" + item + "/accept", null, "{}"), 401)).contains("needs the link");
        // the payload claims another community under the old signature
        String[] parts = token.split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("console:elsewhere\nada\n" + (clock.instant().getEpochSecond() + 3600)).getBytes(StandardCharsets.UTF_8))
                + "." + parts[1];
        assertThat(error(send("GET", "/api/review", forged, null), 401)).contains("not valid");
        int middle = token.length() - 10;
        String flipped = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        assertThat(error(send("GET", "/api/review", flipped, null), 401)).contains("not valid");
        // the same signature bytes spelled another way (the last character's spare bits) are refused too
        char last = token.charAt(token.length() - 1);
        String respelled = token.substring(0, token.length() - 1) + (char) (last ^ 1);
        assertThat(error(send("GET", "/api/review", respelled, null), 401)).contains("not valid");
        assertThat(error(send("GET", "/api/review", "nonsense", null), 401)).contains("not valid");
        assertThat(error(send("GET", "/api/review", "x".repeat(5_000), null), 401)).contains("too long");

        clock.advance(Duration.ofMinutes(61));
        assertThat(error(send("POST", "/api/review/" + item + "/accept", token, "{}"), 401)).contains("expired");
        assertThat(points(a, "ann")).isEqualTo(67);

        // the page itself and the public API stay open; the page explains a missing link itself
        assertThat(send("GET", "/review", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/topics", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        // unknown API paths keep their JSON 404, unknown pages their 404, with or without security
        assertThat(error(send("GET", "/api/nowhere", null, null), 404)).isNotBlank();
        assertThat(send("GET", "/nowhere.html", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAdminsGetALink() {
        String a = "rweb-d-" + System.nanoTime();
        var ann = console.connect(a, "room", "ann", false, new Screen());
        Reply reply = ann.send("review web");
        assertThat(reply).isInstanceOf(Reply.Refused.class);
        assertThat(((Reply.Refused) reply).reason()).startsWith("Only admins can review");
        assertThat(reply.isPrivate()).isTrue();
        var ada = console.connect(a, "room", "ada", true, new Screen());
        Reply link = ada.send("review web");
        assertThat(link.isPrivate()).isTrue();
        Reply extra = ada.send("review web now");
        assertThat(extra).isInstanceOf(Reply.Refused.class);
        assertThat(((Reply.Refused) extra).reason()).contains("`review web` takes nothing more");
    }

    @AfterAll
    static void removeTheProfiles() throws java.io.IOException {
        Chromium.removeProfiles();
    }

    /** The page in a real browser: no link says so; the admin's link lists the item and Accept regrades it. */
    @Test
    void thePageShowsTheQueueAndDecidesInABrowser() throws Exception {
        assumeTrue(Chromium.present(), Chromium.HOW_TO_ENABLE);
        clock.set("2026-10-07T09:00:00Z");
        String a = "rweb-e-" + System.nanoTime();
        var ada = console.connect(a, "room", "ada", true, new Screen());
        var ann = console.connect(a, "room", "ann", false, new Screen());
        long item = appealed(a, ann);
        String link = ((Reply.Done) ada.send("review web")).message();
        String path = link.substring(link.indexOf("/review?token="));
        ChromeDriver driver = Chromium.start(1280, 900);
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get("http://localhost:" + port + "/review");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "needs the link"));
            assertThat(driver.findElement(By.id("pending-section")).isDisplayed()).isFalse();

            driver.get("http://localhost:" + port + path);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-item='" + item + "']")));
            // the token leaves the address bar at once
            assertThat(driver.getCurrentUrl()).doesNotContain("token");
            String card = driver.findElement(By.cssSelector("li[data-item='" + item + "']")).getText();
            assertThat(card).contains(HALF.substring("answer ".length())).contains("partial, 67/100, 67 points")
                    .contains("retrieval is the point");
            driver.findElement(By.cssSelector("li[data-item='" + item + "'] button[data-action='accept']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Accepted 1 answer"));
            assertThat(points(a, "ann")).isEqualTo(100);
            assertThat(driver.findElement(By.id("decided")).getText()).contains("accepted by ada");
        } finally {
            driver.quit();
        }
    }
}
