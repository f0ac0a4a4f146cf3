package dev.quizbot.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import dev.quizbot.QuizbotApplication;
import dev.quizbot.chat.Announcement;

/** quizbot instances (whole application contexts) on one database, as a scaled-out deployment runs them. */
public final class Instances {

    private Instances() {
    }

    /** A copy of the test bank in {@code dir}, which the instances read (and a test may change). */
    public static Path copyTestBank(Path dir) throws IOException {
        Path bankDir = dir.resolve("bank");
        Files.createDirectories(bankDir);
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/test-bank"))) {
            for (Path file : files.toList()) {
                Files.copy(file, bankDir.resolve(file.getFileName()));
            }
        }
        return bankDir;
    }

    /**
     * One instance on the database at {@code url}, without web server, console or ticker, its
     * announcements handed to {@code announced}.
     */
    public static ConfigurableApplicationContext start(String url, Path bankDir, Path dataDir, Consumer<Announcement> announced) {
        return new SpringApplicationBuilder(QuizbotApplication.class, TestBeans.class)
                .listeners((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
                    if (event.getPayload() instanceof Announcement a) {
                        announced.accept(a);
                    }
                })
                .run("--quizbot.bank.path=" + bankDir,
                        "--quizbot.bank.follow-interval=100ms",
                        "--quizbot.data-dir=" + dataDir,
                        "--quizbot.ticker.enabled=false",
                        "--quizbot.console.enabled=false",
                        "--quizbot.scoring.default-zone=UTC",
                        "--spring.main.web-application-type=none",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + PostgresServer.shared().username(),
                        "--spring.datasource.password=",
                        // the console delivers on the committing thread (its output must come before the
                        // reply), which then needs a second connection: a pool smaller than the test's
                        // concurrent players would make them wait out the pool's timeout
                        "--spring.datasource.hikari.maximum-pool-size=12");
    }
}
