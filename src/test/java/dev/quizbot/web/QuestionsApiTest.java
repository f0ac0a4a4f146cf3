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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.quizbot.testing.TestBeans;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The question browser's API over HTTP against the test bank: search, filters, paging, errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizbot.bank.path=src/test/resources/test-bank",
        "spring.datasource.url=jdbc:h2:mem:quizbot-web;DB_CLOSE_DELAY=-1",
        "quizbot.ticker.enabled=false",
        "quizbot.console.enabled=false",
        "quizbot.scoring.default-zone=UTC"})
@Import(TestBeans.class)
class QuestionsApiTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("questions").forEach(q -> ids.add(q.get("id").asString()));
        return ids;
    }

    private String error(String path, int status) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JsonMapper.builder().build().readTree(response.body()).get("error").asString();
    }

    @Test
    void everyQuestionWithItsAnswerConceptsAndSourcesInBankOrder() throws Exception {
        JsonNode all = json("/api/questions");

        assertThat(all.get("total").asInt()).isEqualTo(4);
        assertThat(all.get("page").asInt()).isEqualTo(1);
        assertThat(all.get("pages").asInt()).isEqualTo(1);
        assertThat(ids(all)).containsExactlyInAnyOrder("lora", "what-is-rag", "rag-chunking", "self-attention");
        JsonNode lora = all.get("questions").get(ids(all).indexOf("lora"));
        assertThat(lora.get("topic").asString()).isEqualTo("fine-tuning");
        assertThat(lora.get("topicName").asString()).isEqualTo("Fine-tuning");
        assertThat(lora.get("difficulty").asString()).isEqualTo("medium");
        assertThat(lora.get("question").asString()).isEqualTo("What is LoRA?");
        assertThat(lora.get("answer").asString()).startsWith("LoRA freezes the pre-trained weights");
        assertThat(lora.get("concepts").toString()).isEqualTo("[\"low-rank\",\"frozen weights\"]");
        assertThat(lora.get("sources").get(0).get("document").asString()).isEqualTo("test.txt");
        assertThat(lora.get("sources").get(0).get("heading").asString()).isEqualTo("Q3. LoRA?");
        assertThat(lora.get("misconceptions")).isEmpty();
        JsonNode rag = all.get("questions").get(ids(all).indexOf("what-is-rag"));
        assertThat(rag.get("misconceptions").toString()).isEqualTo("[\"RAG fine-tunes the model's weights on the"
                + " retrieved documents at query time.\",\"RAG guarantees the model never hallucinates.\"]");
    }

    @Test
    void searchMatchesEveryWordByItsStemOrPrefixAcrossQuestionAnswerAndConcepts() throws Exception {
        // "embeddings" occurs in two answers; stemmed, "embedding" finds both
        assertThat(ids(json("/api/questions?q=embedding"))).containsExactlyInAnyOrder("what-is-rag", "rag-chunking");
        // every word must match: only one of those two talks about overlap
        assertThat(ids(json("/api/questions?q=" + enc("embeddings overlap")))).containsExactly("rag-chunking");
        // a concept synonym ("low rank") and a prefix typed so far ("quer" for query)
        assertThat(ids(json("/api/questions?q=" + enc("low rank")))).containsExactly("lora");
        assertThat(ids(json("/api/questions?q=quer"))).containsExactly("self-attention");
        assertThat(ids(json("/api/questions?q=LORA"))).containsExactly("lora");
        assertThat(json("/api/questions?q=zebra").get("total").asInt()).isZero();
        assertThat(json("/api/questions?q=zebra").get("pages").asInt()).isEqualTo(1);
    }

    @Test
    void topicAndDifficultyFilterAndCombineWithSearch() throws Exception {
        assertThat(ids(json("/api/questions?topic=rag"))).containsExactly("what-is-rag", "rag-chunking");
        assertThat(ids(json("/api/questions?difficulty=easy"))).containsExactlyInAnyOrder("what-is-rag",
                "self-attention");
        assertThat(ids(json("/api/questions?topic=rag&difficulty=HARD"))).containsExactly("rag-chunking");
        assertThat(ids(json("/api/questions?topic=rag&q=prompt"))).containsExactly("what-is-rag");
        JsonNode none = json("/api/questions?topic=evaluation");
        assertThat(none.get("total").asInt()).isZero();
        assertThat(none.get("filters").get("topic").asString()).isEqualTo("evaluation");
    }

    @Test
    void pagesAreCountedFromOne() throws Exception {
        JsonNode first = json("/api/questions?size=3");
        JsonNode second = json("/api/questions?size=3&page=2");
        assertThat(first.get("pages").asInt()).isEqualTo(2);
        assertThat(ids(first)).hasSize(3);
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
        assertThat(ids(json("/api/questions?size=3&page=3"))).isEmpty();
    }

    @Test
    void badParametersAreRefusedWithAMessage() throws Exception {
        assertThat(error("/api/questions?topic=cooking", 400))
                .isEqualTo("Unknown topic 'cooking'; use one of: rag, fine-tuning, transformers, evaluation.");
        assertThat(error("/api/questions?difficulty=brutal", 400))
                .isEqualTo("Unknown difficulty 'brutal'; use one of: easy, medium, hard.");
        assertThat(error("/api/questions?page=0", 400)).isEqualTo("page counts from 1; got 0.");
        assertThat(error("/api/questions?size=1000", 400)).isEqualTo("size is 1 to 100; got 1000.");
        assertThat(error("/api/questions?page=two", 400)).isEqualTo("Parameter 'page' must be a whole number.");
        assertThat(error("/api/questions?q=" + "x".repeat(201), 400)).contains("limit is 200");
    }

    @Test
    void theBrowserPageIsServedAtItsShortAddressWithLabelledFilters() throws Exception {
        for (String path : List.of("/questions", "/questions.html", "/questions?q=lora&topic=rag")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("<label for=\"q\">Search</label>").contains("<label for=\"topic\">")
                    .contains("<label for=\"difficulty\">").contains("<script src=\"questions.js\" defer></script>")
                    .doesNotContain("https://");
        }
        assertThat(get("/questions.js").body()).contains("api/questions?").contains("Show answer")
                .contains("aria-expanded");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
