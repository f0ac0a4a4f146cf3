package dev.quizbot.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;

/**
 * While the console chat is active its terminal belongs to the chat: log lines go to a file
 * instead of interleaving with questions and replies, and come back to the terminal when the
 * chat ends. Does nothing when logging is not Logback (nothing to move).
 */
final class ConsoleLog implements AutoCloseable {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n";

    private final Logger root;
    private final List<Appender<ILoggingEvent>> moved;
    private final FileAppender<ILoggingEvent> file;

    private ConsoleLog(Logger root, List<Appender<ILoggingEvent>> moved, FileAppender<ILoggingEvent> file) {
        this.root = root;
        this.moved = moved;
        this.file = file;
    }

    /** Sends the root logger's output to {@code path} (appending) instead of the terminal. */
    static ConsoleLog toFile(Path path) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new ConsoleLog(null, List.of(), null);
        }
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            LoggerFactory.getLogger(ConsoleLog.class).warn("Log lines stay on the terminal: cannot create {} ({})",
                    path.getParent(), e.getMessage());
            return new ConsoleLog(null, List.of(), null);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("console-chat-file");
        file.setFile(path.toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(file);
        List<Appender<ILoggingEvent>> moved = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof ConsoleAppender<ILoggingEvent>) {
                moved.add(appender);
            }
        }
        moved.forEach(root::detachAppender);
        return new ConsoleLog(root, moved, file);
    }

    /** Log lines go back to the terminal. */
    @Override
    public void close() {
        if (root == null) {
            return;
        }
        moved.forEach(root::addAppender);
        root.detachAppender(file);
        file.stop();
    }
}
