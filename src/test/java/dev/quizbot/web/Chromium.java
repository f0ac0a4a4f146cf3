package dev.quizbot.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, through ChromeDriver, for the browser tests; or one line saying
 * how to get it. Each browser gets its own profile directory, removed by {@link #removeProfiles()}.
 */
final class Chromium {

    /** Overridable to try the skip on a machine that has them: -Dquizbot.test.chromium=/nowhere. */
    static final Path BINARY = Path.of(System.getProperty("quizbot.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("quizbot.test.chromedriver", "/usr/bin/chromedriver"));
    static final String HOW_TO_ENABLE = "Browser tests skipped: no /usr/bin/chromium or /usr/bin/chromedriver;"
            + " enable them with: apt-get install -y chromium chromium-driver";

    /** Selenium warns on every start that it has no DevTools bindings for this Chromium; the tests use none. */
    private static final Logger CDP_WARNINGS = Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver");
    private static Path profiles;
    private static boolean toldHowToEnable;

    private Chromium() {
    }

    /** Whether both are installed; says how to install them when not, once for all browser test classes. */
    static synchronized boolean present() {
        CDP_WARNINGS.setLevel(Level.SEVERE);
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!present && !toldHowToEnable) {
            System.out.println(HOW_TO_ENABLE);
            toldHowToEnable = true;
        }
        return present;
    }

    static synchronized ChromeDriver start(int width, int height) throws IOException {
        if (profiles == null) {
            profiles = Files.createTempDirectory("quizbot-chromium-");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profiles.resolve("run-" + System.nanoTime()),
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    /**
     * The page's {@code prefers-color-scheme} from now on, through the DevTools protocol command
     * ChromeDriver forwards (no Selenium DevTools bindings needed), for this tab's later loads too.
     */
    static void emulateColorScheme(ChromeDriver driver, String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    static synchronized void removeProfiles() throws IOException {
        if (profiles != null) {
            try (var files = Files.walk(profiles)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            profiles = null;
        }
    }
}
