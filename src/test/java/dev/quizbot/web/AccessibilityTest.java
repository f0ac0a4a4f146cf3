package dev.quizbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.quizbot.console.ConsoleChat;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.TestBeans;

/**
 * Accessibility basics of every page, in the real browser (as {@link WebPagesTest}, and skipped
 * the same way without Chromium): every control has an accessible name, text contrast is at
 * least 4.5:1 (3:1 for large text) in the light and the dark colour scheme, and TAB reaches
 * every control with a visible focus indicator. The checks run in the page ({@code web/a11y.js});
 * a failure lists every offending element with its page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizbot.bank.path=src/test/resources/test-bank",
        "spring.datasource.url=jdbc:h2:mem:quizbot-web;DB_CLOSE_DELAY=-1",
        "quizbot.ticker.enabled=false",
        "quizbot.console.enabled=false",
        "quizbot.scoring.default-zone=UTC"})
@Import(TestBeans.class)
class AccessibilityTest {

    static boolean browserPresent;
    static String community;
    static String checks;

    @LocalServerPort
    int port;
    @Autowired
    ConsoleChat console;
    @Autowired
    RoundService rounds;

    ChromeDriver driver;

    /** A page in a state worth checking: its address and what to wait for (or do) before the checks. */
    record Page(String name, String path, Consumer<AccessibilityTest> ready) {
    }

    List<Page> pages() {
        String c = "platform=console&community=" + community;
        return List.of(
                new Page("leaderboard", "/?" + c + "&scope=server&period=all", t -> t.shown("board")),
                new Page("questions", "/questions", t -> t.statusSays("4 questions")),
                // the reference answer opened by a script click, which leaves the keyboard focus where it was
                new Page("questions with an answer shown", "/questions?q=lora", t -> {
                    t.statusSays("1 question");
                    t.driver.executeScript("document.querySelector('button.toggle').click();");
                    t.shown("answer-lora");
                }),
                new Page("player", "/player?" + c + "&name=ann", t -> t.shown("profile")),
                new Page("team", "/team.html?" + c + "&name=Attention%20Heads", t -> t.shown("profile")),
                new Page("unknown player", "/player?" + c + "&name=zed",
                        t -> t.waiting().until(ExpectedConditions.attributeContains(By.id("status"), "class", "error"))),
                new Page("round history", "/rounds?" + c + "&channel=general", t -> t.statusSays("2 rounds")));
    }

    @BeforeAll
    static void findTheBrowser() throws IOException {
        browserPresent = Chromium.present();
        try (InputStream in = AccessibilityTest.class.getResourceAsStream("/web/a11y.js")) {
            checks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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

    private void open(String colourScheme) throws IOException {
        assumeTrue(browserPresent, Chromium.HOW_TO_ENABLE);
        if (community == null) {
            community = "a11y-" + System.nanoTime();
            WebSeed.play(console, rounds, community, true);
        }
        driver = Chromium.start(1280, 900);
        Chromium.emulateColorScheme(driver, colourScheme);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private void statusSays(String text) {
        waiting().until(ExpectedConditions.textToBe(By.id("status"), text));
    }

    private void shown(String id) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Loads the page, waits for it and puts the checks into it. */
    private void load(Page page, String colourScheme) {
        driver.get("http://localhost:" + port + page.path());
        page.ready().accept(this);
        Object scheme = driver.executeScript("return matchMedia('(prefers-color-scheme: " + colourScheme + ")').matches;");
        assertThat(scheme).as("%s drawn in the %s colour scheme", page.name(), colourScheme).isEqualTo(true);
        driver.executeScript(checks);
    }

    @SuppressWarnings("unchecked")
    private List<String> run(String check) {
        return (List<String>) driver.executeScript("return window.__a11y." + check + "();");
    }

    private static void noProblems(List<String> problems, String what) {
        assertThat(problems).as(what + ", one line per element").isEmpty();
    }

    @Test
    void everyControlHasAnAccessibleName() throws IOException {
        open("light");
        List<String> problems = new ArrayList<>();
        for (Page page : pages()) {
            load(page, "light");
            run("names").forEach(p -> problems.add(page.name() + ": " + p));
        }
        noProblems(problems, "controls without an accessible name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void textContrastIsAtLeastWcagAa(String colourScheme) throws IOException {
        open(colourScheme);
        List<String> problems = new ArrayList<>();
        for (Page page : pages()) {
            load(page, colourScheme);
            run("contrast").forEach(p -> problems.add(page.name() + " (" + colourScheme + "): " + p));
        }
        noProblems(problems, "text below 4.5:1 (3:1 when large)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void tabReachesEveryControlAndShowsWhereTheFocusIs(String colourScheme) throws IOException {
        open(colourScheme);
        List<String> problems = new ArrayList<>();
        for (Page page : pages()) {
            load(page, colourScheme);
            long controls = (Long) driver.executeScript("return document.querySelectorAll('a[href], button, input, select,"
                    + " textarea, [tabindex]').length;");
            // one TAB per control and a few more: the walk ends where it came round or left the page
            for (long i = 0; i < controls + 3; i++) {
                new Actions(driver).sendKeys(Keys.TAB).perform();
                Object now = driver.executeScript("return window.__a11y.focused();");
                if (now == null || "again".equals(now)) {
                    break;
                }
            }
            run("focusProblems").forEach(p -> problems.add(page.name() + " (" + colourScheme + "): " + p));
        }
        noProblems(problems, "focus not reachable or not visible");
    }
}
