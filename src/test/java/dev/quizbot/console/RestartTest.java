package dev.quizbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.QuizbotApplication;
import dev.quizbot.chat.Reply;
import dev.quizbot.round.RoundService;
import dev.quizbot.schedule.ScheduleService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.Screen;
import dev.quizbot.testing.TestBeans;

/** Stops and starts the whole application over one H2 file in the middle of rounds. */
class RestartTest {

    @TempDir
    Path dataDir;

    final MutableClock clock = MutableClock.SHARED;

    /** The H2 file under the data directory; a subclass may put the store elsewhere. */
    List<String> storeArguments() {
        return List.of();
    }

    private String[] withStore(String... arguments) {
        return Stream.concat(Stream.of(arguments), storeArguments().stream()).toArray(String[]::new);
    }

    private ConfigurableApplicationContext start() {
        // as command-line arguments, which outrank application.yaml
        return new SpringApplicationBuilder(QuizbotApplication.class, TestBeans.class)
                .run(withStore("--quizbot.bank.path=src/test/resources/test-bank",
                        "--quizbot.data-dir=" + dataDir,
                        "--quizbot.ticker.enabled=false",
                        "--quizbot.console.enabled=false",
                        "--quizbot.scoring.default-zone=UTC",
                        "--spring.main.web-application-type=none"));
    }

    @Test
    void anOpenRoundSurvivesARestartKeepsItsAnswersAndClosesOnTime() {
        clock.set("2026-09-07T10:00:00Z");
        Screen before = new Screen();
        try (var app = start()) {
            var alice = app.getBean(ConsoleChat.class).connect("alice", false, "durable", before);
            alice.send("ask fine-tuning");
            assertThat(alice.send("answer low-rank adapters on frozen weights")).isInstanceOf(Reply.Feedback.class);
        }

        clock.advance(Duration.ofMinutes(5));
        Screen after = new Screen();
        try (var app = start()) {
            var console = app.getBean(ConsoleChat.class);
            var rounds = app.getBean(RoundService.class);
            var bob = console.connect("bob", false, "durable", after);
            var alice = console.connect("alice", false, "durable", new Screen());

            // the round is still open: bob can answer it, alice's acknowledged answer is still there
            assertThat(bob.send("answer low rank")).isInstanceOf(Reply.Feedback.class);
            assertThat(alice.send("answer again")).isInstanceOfSatisfying(Reply.Refused.class,
                    r -> assertThat(r.reason()).contains("already answered"));

            // not closed before its deadline, closed right after it
            clock.advance(Duration.ofMinutes(4));
            assertThat(rounds.closeDue()).isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(rounds.closeDue()).isEqualTo(1);
            assertThat(after.all()).contains("2 answers, 1 correct").contains("Best: alice (100)");
        }
    }

    @Test
    void aScheduledSlotMissedDuringARestartIsPostedOnceAfterIt() {
        clock.set("2026-09-14T04:30:00Z");
        long scheduleId;
        try (var app = start()) {
            var admin = app.getBean(ConsoleChat.class).connect("admin", true, "morning", new Screen());
            Reply set = admin.send("schedule set daily 06:00 Europe/London rag");
            assertThat(set).isInstanceOf(Reply.Done.class);
            scheduleId = Long.parseLong(((Reply.Done) set).message().replaceAll("^Schedule (\\d+) set.*$", "$1"));
        }

        // down across 06:00 London (05:00 UTC in summer time), back ten minutes later
        clock.set("2026-09-14T05:10:00Z");
        Screen screen = new Screen();
        try (var app = start()) {
            app.getBean(ConsoleChat.class).connect("carol", false, "morning", screen);
            assertThat(app.getBean(ScheduleService.class).fireDue()).isEqualTo(1);
            assertThat(screen.all()).contains("Scheduled question");
        }

        // another restart (or a second instance) finds the slot taken
        try (var app = start()) {
            assertThat(app.getBean(ScheduleService.class).fireDue()).isZero();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM quiz_round WHERE schedule_id = ?").param(scheduleId)
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }
}
