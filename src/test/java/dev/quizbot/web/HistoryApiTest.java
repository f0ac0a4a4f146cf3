package dev.quizbot.web;

import static org.assertj.core.api.Assertions.assertThat;

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

import dev.quizbot.console.ConsoleChat;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.TestBeans;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Player, team and round-history JSON over HTTP, after three weeks of play ({@link WebSeed}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizbot.bank.path=src/test/resources/test-bank",
        "spring.datasource.url=jdbc:h2:mem:quizbot-web;DB_CLOSE_DELAY=-1",
        "quizbot.ticker.enabled=false",
        "quizbot.console.enabled=false",
        "quizbot.scoring.default-zone=UTC"})
@Import(TestBeans.class)
class HistoryApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ConsoleChat console;
    @Autowired
    RoundService rounds;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private String error(String path, int status) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        return JsonMapper.builder().build().readTree(response.body()).get("error").asString();
    }

    private String seeded(boolean publish) {
        String community = "hist-" + System.nanoTime();
        WebSeed.play(console, rounds, community, publish);
        return community;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> weeks(JsonNode profile) {
        List<String> weeks = new ArrayList<>();
        profile.get("weeks").forEach(w -> weeks.add(w.get("week").asString() + " " + w.get("answers").asInt() + "/"
                + w.get("correct").asInt()));
        return weeks;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asString()));
        return texts;
    }

    @Test
    void aPlayersWeeksTopicsAndRecentRoundsWithTheirRevealsButNoAnswerTexts() throws Exception {
        String community = seeded(true);
        HttpResponse<String> raw = get("/api/players/console/" + community + "?name=ANN");
        JsonNode ann = json("/api/players/console/" + community + "?name=ANN");

        assertThat(ann.get("kind").asString()).isEqualTo("player");
        assertThat(ann.get("name").asString()).isEqualTo("ann");
        assertThat(ann.get("answers").asInt()).isEqualTo(3);
        assertThat(ann.get("correct").asInt()).isEqualTo(2);
        assertThat(ann.get("accuracy").asDouble()).isEqualTo(0.667);
        // twelve weeks by default, Monday first, the current week last
        List<String> weeks = weeks(ann);
        assertThat(weeks).hasSize(12);
        assertThat(weeks.getFirst()).isEqualTo("2026-06-29 0/0");
        assertThat(weeks.subList(9, 12)).containsExactly("2026-08-31 1/1", "2026-09-07 1/1", "2026-09-14 1/0");
        long weekly = 0;
        for (JsonNode w : ann.get("weeks")) {
            weekly += w.get("points").asLong();
        }
        assertThat(weekly).isEqualTo(ann.get("points").asLong()).isPositive();
        // fine-tuning 1 of 1, rag 1 of 2: both count as strengths (half or better)
        assertThat(ann.get("topics").get(0).get("slug").asString()).isEqualTo("fine-tuning");
        assertThat(ann.get("topics").get(0).get("name").asString()).isEqualTo("Fine-tuning");
        assertThat(ann.get("topics").get(1).get("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(texts(ann.get("strongest"))).containsExactly("fine-tuning", "rag");
        assertThat(texts(ann.get("weakest"))).isEmpty();

        JsonNode recent = ann.get("recent");
        assertThat(recent).hasSize(3);
        JsonNode latest = recent.get(0);
        assertThat(latest.get("round").get("questionId").asString()).isEqualTo("rag-chunking");
        assertThat(latest.get("round").get("channel").get("name").asString()).isEqualTo("#random");
        assertThat(latest.get("round").get("answered").asInt()).isEqualTo(2);
        assertThat(latest.get("round").get("correct").asInt()).isEqualTo(1);
        assertThat(latest.get("round").get("incorrect").asInt()).isEqualTo(1);
        assertThat(latest.get("round").get("referenceAnswer").asString()).startsWith("Chunks that are too large");
        // ann's own result only: cy answered that round too, but this is ann's page
        assertThat(latest.get("results")).hasSize(1);
        assertThat(latest.get("results").get(0).get("name").asString()).isEqualTo("ann");
        assertThat(latest.get("results").get(0).get("verdict").asString()).isEqualTo("incorrect");
        assertThat(recent.get(2).get("round").get("questionId").asString()).isEqualTo("what-is-rag");
        assertThat(recent.get(2).get("round").get("commonMistake").asString())
                .isEqualTo("RAG fine-tunes the model's weights on the retrieved documents at query time.");
        assertThat(latest.get("round").get("commonMistake").isNull()).isTrue();
        // no answer text of anybody, no user ids
        assertThat(raw.body()).doesNotContain("no idea").doesNotContain("context window and overlap")
                .doesNotContain("console-");
    }

    @Test
    void thePeriodSwitchAsksForFourToFiftyTwoWeeks() throws Exception {
        String community = seeded(true);
        String base = "/api/players/console/" + community + "?name=bo&weeks=";
        // the open round's answer is left out until its reveal, as it is on the boards
        assertThat(weeks(json(base + 4))).containsExactly("2026-08-24 0/0", "2026-08-31 1/0", "2026-09-07 1/0",
                "2026-09-14 0/0");
        assertThat(weeks(json(base + 26))).hasSize(26);
        assertThat(weeks(json(base + 52))).hasSize(52);
        assertThat(error(base + 5, 400)).isEqualTo("weeks is one of 4, 12, 26, 52; got 5.");
        JsonNode bo = json(base + 4);
        assertThat(bo.get("answers").asInt()).isEqualTo(2);
        assertThat(bo.get("recent")).hasSize(2);
        assertThat(texts(bo.get("weakest"))).containsExactly("rag", "fine-tuning");
        assertThat(texts(bo.get("strongest"))).isEmpty();
    }

    @Test
    void anOpenRoundsGradeReachesPlayerAndTeamPagesOnlyAtItsClose() throws Exception {
        String community = seeded(true);
        String player = "/api/players/console/" + community + "?name=bo&weeks=4";
        String team = "/api/teams/console/" + community + "?name=" + enc("Attention Heads") + "&weeks=4";
        JsonNode before = json(player);
        long pointsBefore = before.get("points").asLong();
        assertThat(before.get("answers").asInt()).isEqualTo(2);
        assertThat(before.get("correct").asInt()).isZero();
        assertThat(members(json(team))).containsExactlyInAnyOrder("ann 3/2", "bo 2/0");
        assertThat(json(team).get("correct").asInt()).isEqualTo(2);

        // bo's correct answer to the open round shows once the round closes, with its points
        dev.quizbot.testing.MutableClock.SHARED.advance(Duration.ofMinutes(11));
        assertThat(rounds.closeDue()).isPositive();
        JsonNode after = json(player);
        assertThat(after.get("answers").asInt()).isEqualTo(3);
        assertThat(after.get("correct").asInt()).isEqualTo(1);
        assertThat(after.get("points").asLong()).isGreaterThan(pointsBefore);
        assertThat(weeks(after).getLast()).isEqualTo("2026-09-14 1/1");
        assertThat(after.get("recent")).hasSize(3);
        assertThat(texts(after.get("strongest"))).containsExactly("rag");
        assertThat(members(json(team))).containsExactlyInAnyOrder("ann 3/2", "bo 3/1");
        assertThat(json(team).get("correct").asInt()).isEqualTo(3);
    }

    private static List<String> members(JsonNode team) {
        List<String> members = new ArrayList<>();
        team.get("members").forEach(m -> members.add(m.get("name").asString() + " " + m.get("answers").asInt() + "/"
                + m.get("correct").asInt()));
        return members;
    }

    @Test
    void aTeamAddsUpItsMembersAndShowsOnlyTheirResults() throws Exception {
        String community = seeded(true);
        HttpResponse<String> raw = get("/api/teams/console/" + community + "?name=" + enc("attention  heads"));
        JsonNode team = json("/api/teams/console/" + community + "?name=" + enc("attention  heads"));

        assertThat(team.get("kind").asString()).isEqualTo("team");
        assertThat(team.get("name").asString()).isEqualTo("Attention Heads");
        List<String> members = new ArrayList<>();
        team.get("members").forEach(m -> members.add(m.get("name").asString() + " " + m.get("answers").asInt()));
        // bo's answer to the round still open is left out until the reveal
        assertThat(members).containsExactly("ann 3", "bo 2");
        assertThat(team.get("recent")).hasSize(3);
        JsonNode second = team.get("recent").get(1);
        assertThat(second.get("round").get("questionId").asString()).isEqualTo("lora");
        List<String> results = new ArrayList<>();
        second.get("results").forEach(r -> results.add(r.get("name").asString() + " " + r.get("verdict").asString()));
        assertThat(results).containsExactlyInAnyOrder("ann correct", "bo partial");
        assertThat(raw.body()).doesNotContain("\"cy\"").doesNotContain("no idea");

        assertThat(error("/api/teams/console/" + community + "?name=Nobody", 404))
                .isEqualTo("There is no team called 'Nobody' in " + community + ".");
    }

    @Test
    void aChannelsRoundsNewestFirstWithRevealStatisticsAndNoOpenRound() throws Exception {
        String community = seeded(true);
        JsonNode general = json("/api/rounds/console/" + community + "/general");

        assertThat(general.get("channel").get("name").asString()).isEqualTo("#general");
        assertThat(general.get("total").asInt()).isEqualTo(2);
        List<String> seen = new ArrayList<>();
        general.get("rounds").forEach(r -> seen.add(r.get("questionId").asString() + " " + r.get("answered").asInt()
                + " " + r.get("correct").asInt() + "/" + r.get("partial").asInt() + "/" + r.get("incorrect").asInt()));
        assertThat(seen).containsExactly("lora 2 1/1/0", "what-is-rag 2 1/0/1");
        JsonNode lora = general.get("rounds").get(0);
        assertThat(lora.get("meanScore").asDouble()).isEqualTo(75.0);
        assertThat(lora.get("difficulty").asString()).isEqualTo("medium");
        assertThat(lora.get("closedAt").asString()).isEqualTo("2026-09-08T09:11:00Z");

        JsonNode paged = json("/api/rounds/console/" + community + "/general?size=1&page=2");
        assertThat(paged.get("pages").asInt()).isEqualTo(2);
        assertThat(paged.get("rounds").get(0).get("questionId").asString()).isEqualTo("what-is-rag");
        assertThat(json("/api/rounds/console/" + community + "/elsewhere").get("total").asInt()).isZero();
        assertThat(error("/api/rounds/console/" + community + "/general?size=500", 400)).isEqualTo("size is 1 to 50; got 500.");
    }

    @Test
    void unpublishedCommunitiesAndUnknownNamesAnswer404() throws Exception {
        String hidden = seeded(false);
        String unknown = error("/api/players/console/nobody-here?name=ann", 404);
        for (String path : List.of("/api/players/console/" + hidden + "?name=ann",
                "/api/teams/console/" + hidden + "?name=Lone%20Wolves", "/api/rounds/console/" + hidden + "/general")) {
            assertThat(error(path, 404)).as(path).isEqualTo(unknown.replace("nobody-here", hidden));
        }
        String shown = seeded(true);
        assertThat(error("/api/players/console/" + shown + "?name=zed", 404))
                .isEqualTo("Nobody called 'zed' has answered in " + shown + ".");
        assertThat(error("/api/players/console/" + shown, 400)).isEqualTo("Missing parameter 'name'.");
        assertThat(error("/api/players/console/" + shown + "?name=" + "n".repeat(121), 400)).contains("1 to 120");
    }
}
