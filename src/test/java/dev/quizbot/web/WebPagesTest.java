package dev.quizbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.quizbot.console.ConsoleChat;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.TestBeans;

/**
 * The web pages in a real browser: Debian's Chromium, headless, driven through ChromeDriver
 * against the app on a random port with three weeks of play ({@link WebSeed}). Every page at a
 * desktop and a phone width: filters, the show-answer toggle, the chart period switch, the
 * charts' point counts and what the page says. Screenshots go to {@code target/screenshots}.
 * Without /usr/bin/chromium and /usr/bin/chromedriver the browser tests skip.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizbot.bank.path=src/test/resources/test-bank",
        "spring.datasource.url=jdbc:h2:mem:quizbot-web;DB_CLOSE_DELAY=-1",
        "quizbot.ticker.enabled=false",
        "quizbot.console.enabled=false",
        "quizbot.scoring.default-zone=UTC"})
@Import(TestBeans.class)
class WebPagesTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    enum Width {
        DESKTOP(1280, 900), PHONE(390, 844);

        final int width;
        final int height;

        Width(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    static boolean browserPresent;
    static String community;

    @LocalServerPort
    int port;
    @Autowired
    ConsoleChat console;
    @Autowired
    RoundService rounds;

    WebDriver driver;

    @BeforeAll
    static void findTheBrowser() {
        browserPresent = Chromium.present();
    }

    @AfterEach
    void closeTheBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterAll
    static void removeTheProfiles() throws IOException {
        Chromium.removeProfiles();
    }

    private void open(Width width) throws IOException {
        assumeTrue(browserPresent, Chromium.HOW_TO_ENABLE);
        if (community == null) {
            community = "pages-" + System.nanoTime();
            WebSeed.play(console, rounds, community, true);
        }
        driver = Chromium.start(width.width, width.height);
    }

    private void go(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private void statusSays(String text) {
        waiting().until(ExpectedConditions.textToBe(By.id("status"), text));
    }

    private List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    private long chartPoints(String canvasId, int dataset) {
        Object n = ((JavascriptExecutor) driver).executeScript("const c = Chart.getChart(document.getElementById(arguments[0]));"
                + " return c ? c.data.datasets[arguments[1]].data.length : -1;", canvasId, dataset);
        return ((Number) n).longValue();
    }

    private long chartLabels(String canvasId) {
        Object n = ((JavascriptExecutor) driver).executeScript("const c = Chart.getChart(document.getElementById(arguments[0]));"
                + " return c ? c.data.labels.length : -1;", canvasId);
        return ((Number) n).longValue();
    }

    /** A chart drawn on a visible canvas of real size. */
    private void chartShown(String canvasId) {
        WebElement canvas = driver.findElement(By.id(canvasId));
        assertThat(canvas.isDisplayed()).as(canvasId).isTrue();
        assertThat(canvas.getSize().getWidth()).as(canvasId).isGreaterThan(100);
        assertThat(canvas.getSize().getHeight()).as(canvasId).isGreaterThan(100);
    }

    /** Nothing sticks out sideways: the page fits the window at phone width too. */
    private void fitsTheWidth() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
    }

    private void screenshot(String page, Width width) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(page + "-" + width.name().toLowerCase(java.util.Locale.ROOT) + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void questionBrowserFiltersSearchesAndRevealsTheAnswerOnRequest(Width width) throws IOException {
        open(width);
        go("/questions");
        statusSays("4 questions");
        assertThat(all("li.question")).hasSize(4);

        new Select(driver.findElement(By.id("topic"))).selectByValue("rag");
        statusSays("2 questions");
        assertThat(all("li.question h3")).extracting(WebElement::getText)
                .containsExactly("What is retrieval-augmented generation?", "Why does chunk size matter in a RAG pipeline?");
        assertThat(all("li.question").getFirst().findElements(By.cssSelector(".misconceptions li")))
                .extracting(WebElement::getText)
                .containsExactly("RAG fine-tunes the model's weights on the retrieved documents at query time.",
                        "RAG guarantees the model never hallucinates.");
        assertThat(all("li.question").get(1).findElements(By.cssSelector(".misconceptions"))).isEmpty();
        new Select(driver.findElement(By.id("difficulty"))).selectByValue("hard");
        statusSays("1 question");
        assertThat(driver.getCurrentUrl()).contains("topic=rag").contains("difficulty=hard");

        new Select(driver.findElement(By.id("topic"))).selectByValue("");
        new Select(driver.findElement(By.id("difficulty"))).selectByValue("");
        statusSays("4 questions");
        WebElement search = driver.findElement(By.id("q"));
        search.sendKeys("low rank");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        statusSays("1 question");
        WebElement card = driver.findElement(By.cssSelector("li.question"));
        assertThat(card.getText()).contains("What is LoRA?").contains("Fine-tuning · medium").contains("low-rank")
                .contains("frozen weights").contains("test.txt — Q3. LoRA?");
        WebElement answer = card.findElement(By.cssSelector(".answer"));
        WebElement toggle = card.findElement(By.cssSelector("button.toggle"));
        assertThat(answer.isDisplayed()).isFalse();
        assertThat(card.getText()).doesNotContain("learns a low-rank update");
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        toggle.click();
        waiting().until(ExpectedConditions.visibilityOf(answer));
        assertThat(answer.getText()).contains("LoRA freezes the pre-trained weights");
        assertThat(toggle.getText()).isEqualTo("Hide answer");
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        fitsTheWidth();
        screenshot("questions", width);
        toggle.click();
        waiting().until(ExpectedConditions.invisibilityOf(answer));

        // the address is the search: opening it again shows the same result
        go("/questions.html?q=chunk&topic=rag");
        statusSays("1 question");
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("chunk");
        assertThat(new Select(driver.findElement(By.id("topic"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("rag");
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void playerPageChartsWeeksAndTopicsAndSwitchesThePeriod(Width width) throws IOException {
        open(width);
        go("/player?platform=console&community=" + community + "&name=ann");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile")));
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("ann");
        assertThat(driver.findElement(By.id("answers")).getText()).isEqualTo("3");
        assertThat(driver.findElement(By.id("accuracy")).getText()).isEqualTo("67%");
        chartShown("weekly-chart");
        assertThat(chartLabels("weekly-chart")).isEqualTo(12);
        assertThat(chartPoints("weekly-chart", 0)).isEqualTo(12);
        assertThat(chartPoints("weekly-chart", 1)).isEqualTo(12);
        assertThat(driver.findElement(By.id("weekly-summary")).getText()).startsWith("12 weeks from 2026-06-29 (UTC), 3 with answers");
        chartShown("topics-chart");
        assertThat(chartLabels("topics-chart")).isEqualTo(2);
        assertThat(driver.findElement(By.id("strongest")).getText())
                .isEqualTo("Fine-tuning, Retrieval-augmented generation");
        assertThat(driver.findElement(By.id("weakest")).getText()).isEqualTo("—");
        // player and team pages are one file: a player's has no members table
        assertThat(driver.findElement(By.id("members-section")).isDisplayed()).isFalse();
        List<WebElement> recent = all("#recent li.round");
        assertThat(recent).hasSize(3);
        assertThat(recent.getFirst().getText()).contains("Why does chunk size matter").contains("#random")
                .contains("2 answers: 1 correct, 0 partial, 1 incorrect").contains("ann: incorrect")
                .contains("Chunks that are too large");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("no idea").doesNotContain("cy:");
        fitsTheWidth();
        screenshot("player", width);

        driver.findElement(By.cssSelector("button[data-weeks='4']")).click();
        waiting().until(d -> chartLabels("weekly-chart") == 4);
        assertThat(chartPoints("weekly-chart", 0)).isEqualTo(4);
        assertThat(driver.findElement(By.cssSelector("button[data-weeks='4']")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(driver.findElement(By.cssSelector("button[data-weeks='12']")).getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(driver.getCurrentUrl()).contains("weeks=4");
        driver.findElement(By.cssSelector("button[data-weeks='52']")).click();
        waiting().until(d -> chartLabels("weekly-chart") == 52);
        assertThat(chartPoints("weekly-chart", 1)).isEqualTo(52);
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void teamPageListsMembersAndTheirRounds(Width width) throws IOException {
        open(width);
        go("/team.html?platform=console&community=" + community + "&name=Attention%20Heads");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile")));
        assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("Attention Heads");
        assertThat(driver.findElement(By.id("members-section")).isDisplayed()).isTrue();
        assertThat(all("#member-rows tr")).extracting(e -> e.findElement(By.cssSelector("td")).getText())
                .containsExactlyInAnyOrder("ann", "bo");
        chartShown("weekly-chart");
        assertThat(chartPoints("weekly-chart", 0)).isEqualTo(12);
        assertThat(all("#recent li.round")).hasSize(3);
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("cy:");
        fitsTheWidth();
        screenshot("team", width);

        // a member's name leads to their page
        driver.findElement(By.linkText("bo")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("title"), "bo"));
        // bo's one right answer is in the round still open, so it does not count yet
        assertThat(driver.findElement(By.id("weakest")).getText())
                .isEqualTo("Retrieval-augmented generation, Fine-tuning");
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void roundHistoryShowsAChannelsRevealsAndFollowsTheChannelChoice(Width width) throws IOException {
        open(width);
        go("/rounds?platform=console&community=" + community + "&channel=general");
        statusSays("2 rounds");
        assertThat(all("#rounds li.round h3")).extracting(WebElement::getText)
                .containsExactly("What is LoRA?", "What is retrieval-augmented generation?");
        assertThat(all("#rounds li.round").getFirst().getText()).contains("2 answers: 1 correct, 1 partial, 0 incorrect")
                .contains("mean score 75").doesNotContain("A common mistake");
        assertThat(all("#rounds li.round").get(1).getText())
                .contains("A common mistake\nRAG fine-tunes the model's weights on the retrieved documents at query time.");
        chartShown("reveals-chart");
        assertThat(chartLabels("reveals-chart")).isEqualTo(2);
        assertThat(chartPoints("reveals-chart", 0)).isEqualTo(2);
        fitsTheWidth();
        screenshot("rounds", width);

        new Select(driver.findElement(By.id("channel"))).selectByValue("random");
        statusSays("1 round");
        assertThat(chartLabels("reveals-chart")).isEqualTo(1);
        assertThat(driver.getCurrentUrl()).contains("channel=random");
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void leaderboardNamesLeadToPlayerPages(Width width) throws IOException {
        open(width);
        go("/?platform=console&community=" + community + "&scope=server&period=all");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
        assertThat(all("#board-rows tr")).hasSize(3);
        fitsTheWidth();
        screenshot("leaderboard", width);
        driver.findElement(By.linkText("cy")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("title"), "cy"));
        waiting().until(d -> chartLabels("weekly-chart") == 12);
    }

    @Test
    void theChartLibraryIsServedFromTheAppAtThePathThePagesLoad() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Pattern script = Pattern.compile("<script src=\"(webjars/chart\\.js/[^\"]+)\"");
        for (String page : List.of("player.html", "team.html", "rounds.html")) {
            String html = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + page)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = script.matcher(html);
            assertThat(m.find()).as(page).isTrue();
            HttpResponse<String> library = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/" + m.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(library.statusCode()).as(m.group(1)).isEqualTo(200);
            assertThat(library.body()).contains("Chart.js");
            assertThat(html).doesNotContain("https://").doesNotContain("http://");
        }
    }
}
