package dev.quizbot.console;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.ChatService;
import dev.quizbot.chat.CommandParser;
import dev.quizbot.chat.Reply;
import dev.quizbot.outbox.Delivery;
import dev.quizbot.outbox.DeliveryPort;
import dev.quizbot.outbox.DeliveryResult;

/**
 * The console adapter: local players type commands into a channel of the "console" platform
 * and read replies and announcements as text. The terminal is one session
 * ({@link ConsoleRunner}); tests connect their own sessions and capture what they print.
 * Announcements arrive through the outbox, inline on the committing thread, so what a command
 * caused is printed before its reply.
 */
@Component
public class ConsoleChat implements DeliveryPort {

    public static final String PLATFORM = "console";
    public static final String COMMUNITY = "local";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsoleChat.class);

    private final ChatService chat;
    private final List<ConsoleSession> sessions = new CopyOnWriteArrayList<>();

    ConsoleChat(ChatService chat) {
        this.chat = chat;
    }

    /** One local player in one channel; everything shown to them goes to {@code out}. */
    public final class ConsoleSession implements AutoCloseable {
        private final Caller caller;
        private final ConsoleRenderer renderer;
        private final Consumer<String> out;

        private ConsoleSession(Caller caller, ConsoleRenderer renderer, Consumer<String> out) {
            this.caller = caller;
            this.renderer = renderer;
            this.out = out;
        }

        public Caller caller() {
            return caller;
        }

        /**
         * Handles one typed line; the reply is printed and also returned. A failure in the core
         * (errors included: a missing class, a runaway recursion) is logged with its stack
         * trace and shown as one plain sentence.
         */
        public Reply send(String line) {
            Reply reply = switch (CommandParser.parse(line)) {
                case CommandParser.Result.Parsed parsed -> {
                    try {
                        yield chat.handle(caller, parsed.command());
                    } catch (RuntimeException | LinkageError | StackOverflowError e) {
                        log.error("Command failed: {}", line.length() > 80 ? line.substring(0, 80) + "…" : line, e);
                        yield new Reply.Refused("Something went wrong handling that command; it was logged."
                                + " Nothing you had already stored is affected.", "");
                    }
                }
                case CommandParser.Result.Invalid invalid -> new Reply.Refused(invalid.reason(), invalid.usage());
            };
            out.accept(renderer.reply(reply));
            return reply;
        }

        /** A line of the console's own (not a reply from the core). */
        void print(String text) {
            out.accept(text);
        }

        void show(Announcement announcement) {
            boolean mine = switch (announcement) {
                // a private nudge: to the player's own sessions in that community, whichever channel they are in
                case Announcement.PracticeReminder reminder -> reminder.userId().equals(caller.userId())
                        && reminder.channel().community().equals(caller.channel().community());
                // a private notice reaches the player's own sessions in that community, like a direct message
                case Announcement.PrivateNotice notice -> notice.userId().equals(caller.userId())
                        && notice.channel().community().equals(caller.channel().community());
                // a late grade is the player's alone, shown only in the channel they answered in
                case Announcement.LateGrade late -> late.userId().equals(caller.userId())
                        && late.channel().equals(caller.channel());
                default -> announcement.channel().equals(caller.channel());
            };
            if (!mine) {
                return;
            }
            try {
                out.accept(renderer.announcement(announcement));
            } catch (RuntimeException e) {
                // the core published this; a rendering slip must neither reach it nor the chat as a trace
                log.error("Could not show {} in the console", announcement.getClass().getSimpleName(), e);
            }
        }

        @Override
        public void close() {
            sessions.remove(this);
        }
    }

    public ConsoleSession connect(String user, boolean admin, String channel, Style style, Consumer<String> out) {
        return connect(COMMUNITY, channel, user, admin, style, out);
    }

    /** A plain-text session in a community of its own, so tests keep their leaderboards apart. */
    public ConsoleSession connect(String community, String channel, String user, boolean admin, Consumer<String> out) {
        return connect(community, channel, user, admin, Style.PLAIN, out);
    }

    private ConsoleSession connect(String community, String channel, String user, boolean admin, Style style,
                                   Consumer<String> out) {
        Caller caller = new Caller(new ChannelRef(PLATFORM, community, channel), user, user, admin);
        ConsoleSession session = new ConsoleSession(caller, new ConsoleRenderer(style), out);
        sessions.add(session);
        return session;
    }

    /** A plain-text session, as tests use it. */
    public ConsoleSession connect(String user, boolean admin, String channel, Consumer<String> out) {
        return connect(user, admin, channel, Style.PLAIN, out);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public boolean inline() {
        return true;
    }

    /** Shows the announcement to the sessions it concerns; nobody connected is not a failure. */
    @Override
    public DeliveryResult deliver(Delivery delivery) {
        sessions.forEach(s -> s.show(delivery.announcement()));
        return DeliveryResult.Delivered.done();
    }
}
