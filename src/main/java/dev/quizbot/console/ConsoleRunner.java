package dev.quizbot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
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
 * {@code quizbot.console.enabled} is true. Reads standard input on its own thread, behind a
 * prompt on a terminal. {@code quit} (or the end of input: Ctrl-D, or no terminal at all as in
 * a container) leaves the chat and the service keeps running, web page and schedules
 * included; {@code shutdown} stops quizbot (admin). While the chat is active, log lines go to
 * a file instead of the terminal, and nothing that goes wrong shows a stack trace in it.
 */
@Component
class ConsoleRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRunner.class);
    static final String[] TOKEN_PROPERTIES = {"DISCORD_TOKEN", "SLACK_BOT_TOKEN", "quizbot.discord.token", "quizbot.slack.bot-token"};
    static final String PROMPT = "quiz> ";

    private final ConsoleChat chat;
    private final ConsoleProperties properties;
    private final Environment environment;
    private final ConfigurableApplicationContext context;
    /** Stops the whole service; tests put a stand-in here. */
    private volatile Runnable shutdown;

    ConsoleRunner(ConsoleChat chat, ConsoleProperties properties, Environment environment,
                  ConfigurableApplicationContext context) {
        this.chat = chat;
        this.properties = properties;
        this.environment = environment;
        this.context = context;
        this.shutdown = () -> System.exit(SpringApplication.exit(context, () -> 0));
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
        Thread reader = new Thread(() -> read(System.in, System.out, style, terminal, logFile()), "console-chat");
        reader.setDaemon(true);
        reader.setUncaughtExceptionHandler((thread, e) -> log.error("The console chat stopped", e));
        reader.start();
    }

    /** {@code quizbot.console.log-file}, else {@code quizbot.log} in the data folder. */
    Path logFile() {
        String configured = properties.logFile();
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(environment.getProperty("quizbot.data-dir", "./data"), "quizbot.log");
    }

    void onShutdown(Runnable stop) {
        this.shutdown = stop;
    }

    void read(InputStream in, PrintStream out, Style style, boolean terminal, Path logFile) {
        String prompt = terminal ? style.paint(Style.DIM, PROMPT) : "";
        var session = chat.connect(properties.user(), properties.admin(), properties.channel(), style, text -> {
            synchronized (out) {
                // a reply or an announcement arriving while the prompt waits takes its line, then the prompt returns
                out.print((terminal ? "\r" : "") + text + System.lineSeparator() + prompt);
                out.flush();
            }
        });
        out.println(style.paint(Style.BOLD, "quizbot console") + " — you are " + properties.user() + " in #"
                + properties.channel() + ". Type `help` for commands, `ask` for a question, `quit` to leave the chat,"
                + " `shutdown` to stop quizbot. Log lines go to " + logFile + " while you are here.");
        out.print(prompt);
        out.flush();
        boolean stop = false;
        try (ConsoleLog redirected = ConsoleLog.toFile(logFile);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String command = line.strip();
                String word = command.toLowerCase(Locale.ROOT);
                if (word.equals("quit") || word.equals("exit")) {
                    break;
                }
                if (word.equals("shutdown")) {
                    if (properties.admin()) {
                        stop = true;
                        break;
                    }
                    session.print(style.paint(Style.RED, "✗ Only the admin can stop quizbot"
                            + " (quizbot.console.admin is false here). `quit` leaves the chat."));
                    continue;
                }
                if (command.isEmpty()) {
                    out.print(prompt);
                    out.flush();
                    continue;
                }
                handle(session, command, style);
            }
        } catch (IOException e) {
            log.warn("Console input failed ({}); the console chat stops reading.", e.getMessage());
        }
        session.close();
        if (stop) {
            out.println("Shutting quizbot down.");
            out.flush();
            shutdown.run();
            return;
        }
        out.println((terminal ? "\r" : "") + "Left the console chat. quizbot keeps running: the web page ("
                + webAddress() + ") and schedules go on. Stop it with Ctrl-C, or type `shutdown` instead of `quit`"
                + " next time.");
        out.flush();
        log.info("Console chat left; quizbot keeps running.");
    }

    /** One typed line; whatever goes wrong stays in the log, never as a stack trace in the chat. */
    private static void handle(ConsoleChat.ConsoleSession session, String command, Style style) {
        try {
            session.send(command);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            log.error("Console command failed: {}", command.length() > 80 ? command.substring(0, 80) + "…" : command, e);
            session.print(style.paint(Style.RED, "✗ Something went wrong handling that command; it was logged."));
        }
    }

    private String webAddress() {
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + "/";
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
