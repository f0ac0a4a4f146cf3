package dev.quizbot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Opens the terminal chat at start when no Discord or Slack token is configured and
 * {@code quizbot.console.enabled} is true. Reads standard input on its own thread: when
 * input ends (Ctrl-D, or no terminal at all as in a container) reading stops quietly and the
 * service keeps running; {@code quit} on a terminal shuts quizbot down.
 */
@Component
class ConsoleRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRunner.class);
    static final String[] TOKEN_PROPERTIES = {"DISCORD_TOKEN", "SLACK_BOT_TOKEN", "quizbot.discord.token", "quizbot.slack.bot-token"};

    private final ConsoleChat chat;
    private final ConsoleProperties properties;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    ConsoleRunner(ConsoleChat chat, ConsoleProperties properties, Environment environment,
                  ConfigurableApplicationContext context) {
        this.chat = chat;
        this.properties = properties;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        for (String token : TOKEN_PROPERTIES) {
            String value = environment.getProperty(token);
            if (value != null && !value.isBlank()) {
                log.info("Console chat off: a chat platform token is configured ({})", token);
                return;
            }
        }
        boolean terminal = isTerminal();
        Style style = switch (properties.color().toLowerCase(Locale.ROOT)) {
            case "always" -> Style.ANSI;
            case "never" -> Style.PLAIN;
            default -> terminal && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"))
                    ? Style.ANSI : Style.PLAIN;
        };
        Thread reader = new Thread(() -> read(System.in, System.out, style, terminal), "console-chat");
        reader.setDaemon(true);
        reader.start();
    }

    void read(InputStream in, PrintStream out, Style style, boolean terminal) {
        var session = chat.connect(properties.user(), properties.admin(), properties.channel(), style, text -> {
            synchronized (out) {
                out.println(text);
                out.flush();
            }
        });
        out.println(style.paint(Style.BOLD, "quizbot console") + " — you are " + properties.user() + " in #"
                + properties.channel() + ". Type `help` for commands, `ask` for a question, `quit` to leave.");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String command = line.strip();
                if (command.isEmpty()) {
                    continue;
                }
                if (command.equalsIgnoreCase("quit") || command.equalsIgnoreCase("exit")) {
                    out.println("Bye.");
                    session.close();
                    int code = SpringApplication.exit(context, () -> 0);
                    System.exit(code);
                    return;
                }
                session.send(command);
            }
            log.info("Console input ended; the console chat stops reading (quizbot keeps running).");
        } catch (IOException e) {
            log.warn("Console input failed ({}); the console chat stops reading.", e.getMessage());
        }
        if (terminal) {
            // Ctrl-D at a terminal means the person is done, as with quit
            session.close();
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    /** A real terminal on both ends; System.console() alone is not enough on JDK 22+, which has isTerminal(). */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }
}
