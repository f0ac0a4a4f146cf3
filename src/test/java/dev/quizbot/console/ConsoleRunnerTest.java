package dev.quizbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/** The terminal loop, fed from a stream the way a pipe or a closed stdin would feed it. */
@QuizbotTest
class ConsoleRunnerTest {

    @Autowired
    ConsoleRunner runner;
    @Autowired
    ConsoleProperties properties;
    @Autowired
    dev.quizbot.round.RoundService rounds;

    @TempDir
    Path folder;
    Path log;

    @BeforeEach
    void logFile() {
        log = folder.resolve("quizbot.log");
    }

    private String play(String typed, boolean terminal) {
        var out = new ByteArrayOutputStream();
        runner.read(new ByteArrayInputStream(typed.getBytes(Charset.defaultCharset())), new PrintStream(out, true),
                Style.PLAIN, terminal, log);
        return out.toString(Charset.defaultCharset());
    }

    @Test
    void aTerminalGetsAPromptAndQuitLeavesTheChatWhileTheServiceKeepsRunning() {
        AtomicBoolean stopped = new AtomicBoolean();
        runner.onShutdown(() -> stopped.set(true));
        try {
            String screen = play("help\nquit\nhelp\n", true);

            assertThat(screen).contains(ConsoleRunner.PROMPT).contains("Commands:")
                    .contains("Left the console chat. quizbot keeps running").contains("web page")
                    .contains("schedules").contains("shutdown");
            // nothing after quit is read, and the service was not stopped
            assertThat(screen.indexOf("Commands:")).isEqualTo(screen.lastIndexOf("Commands:"));
            assertThat(stopped).isFalse();
        } finally {
            runner.onShutdown(() -> { });
        }
    }

    @Test
    void shutdownStopsTheServiceForTheAdmin() {
        AtomicBoolean stopped = new AtomicBoolean();
        runner.onShutdown(() -> stopped.set(true));
        try {
            String screen = play("shutdown\n", true);

            assertThat(properties.admin()).isTrue();
            assertThat(screen).contains("Shutting quizbot down.").doesNotContain("keeps running");
            assertThat(stopped).isTrue();
        } finally {
            runner.onShutdown(() -> { });
        }
    }

    @Test
    void logLinesGoToTheFileWhileTheChatIsActiveAndComeBackAfter() throws Exception {
        MutableClock.SHARED.set("2026-10-06T10:00:00Z");
        String screen = play("ask rag easy\n", false);

        assertThat(screen).contains("What is retrieval-augmented generation?").doesNotContain("RoundService");
        assertThat(Files.readString(log)).contains("RoundService").contains("opened in console:local:");
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("console-chat-file")).isNull();
        assertThat(root.iteratorForAppenders()).toIterable()
                .anyMatch(a -> a instanceof ch.qos.logback.core.ConsoleAppender<?>);
        // the round must not stay open for the other tests in this channel
        MutableClock.SHARED.advance(java.time.Duration.ofMinutes(11));
        rounds.closeDue();
    }

    @Test
    void noStackTraceReachesTheChatWhateverTheCoreThrows() {
        Screen screen = new Screen();
        ConsoleChat failing = new ConsoleChat((caller, command) -> {
            if (command instanceof dev.quizbot.chat.Command.Help) {
                throw new StackOverflowError();
            }
            throw new IllegalStateException("database on fire");
        });
        var session = failing.connect("zoe", false, "broken", screen);

        assertThat(session.send("help")).isInstanceOf(dev.quizbot.chat.Reply.Refused.class);
        assertThat(session.send("topics")).isInstanceOf(dev.quizbot.chat.Reply.Refused.class);

        assertThat(screen.all()).contains("Something went wrong handling that command; it was logged.")
                .doesNotContain("StackOverflowError").doesNotContain("database on fire").doesNotContain("\tat ");
    }

    @Test
    void pipedInputIsPlayedLineByLineAndTheEndOfInputStopsReadingWithoutExiting() {
        MutableClock.SHARED.set("2026-10-05T10:00:00Z");
        String typed = "help\nask transformers\n\nanswer queries and keys give a weighted sum\nfly\n";
        var out = new ByteArrayOutputStream();

        // returns at the end of input: no waiting on a terminal, no spinning
        runner.read(new ByteArrayInputStream(typed.getBytes(Charset.defaultCharset())), new PrintStream(out, true),
                Style.PLAIN, false, log);
        MutableClock.SHARED.advance(java.time.Duration.ofMinutes(11));
        rounds.closeDue();

        String screen = out.toString(Charset.defaultCharset());
        assertThat(screen).contains("quizbot console").contains("Commands:")
                .contains("What does self-attention compute?").contains("CORRECT · score 100/100")
                .contains("Unknown command 'fly'");
        assertThat(screen).doesNotContain("\u001B[");
    }

    @Test
    void anEmptyInputEndsAtOnce() {
        var out = new ByteArrayOutputStream();
        runner.read(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), Style.PLAIN, false, log);
        assertThat(out.toString(Charset.defaultCharset())).contains("Type `help`");
    }

    @Test
    void coloursAreAnsiOnlyWhenAsked() {
        assertThat(Style.ANSI.paint(Style.GREEN, "ok")).isEqualTo("\u001B[32mok\u001B[0m");
        assertThat(Style.PLAIN.paint(Style.GREEN, "ok")).isEqualTo("ok");
    }
}
