package dev.quizbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;

/** The terminal loop, fed from a stream the way a pipe or a closed stdin would feed it. */
@QuizbotTest
class ConsoleRunnerTest {

    @Autowired
    ConsoleRunner runner;

    @Test
    void pipedInputIsPlayedLineByLineAndTheEndOfInputStopsReadingWithoutExiting() {
        MutableClock.SHARED.set("2026-10-05T10:00:00Z");
        String typed = "help\nask transformers\n\nanswer queries and keys give a weighted sum\nfly\n";
        var out = new ByteArrayOutputStream();

        // returns at the end of input: no waiting on a terminal, no spinning
        runner.read(new ByteArrayInputStream(typed.getBytes(Charset.defaultCharset())), new PrintStream(out, true),
                Style.PLAIN, false);

        String screen = out.toString(Charset.defaultCharset());
        assertThat(screen).contains("quizbot console").contains("Commands:")
                .contains("What does self-attention compute?").contains("CORRECT · score 100/100")
                .contains("Unknown command 'fly'");
        assertThat(screen).doesNotContain("\u001B[");
    }

    @Test
    void anEmptyInputEndsAtOnce() {
        var out = new ByteArrayOutputStream();
        runner.read(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), Style.PLAIN, false);
        assertThat(out.toString(Charset.defaultCharset())).contains("Type `help`");
    }

    @Test
    void coloursAreAnsiOnlyWhenAsked() {
        assertThat(Style.ANSI.paint(Style.GREEN, "ok")).isEqualTo("\u001B[32mok\u001B[0m");
        assertThat(Style.PLAIN.paint(Style.GREEN, "ok")).isEqualTo("ok");
    }
}
