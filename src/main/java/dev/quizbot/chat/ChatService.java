package dev.quizbot.chat;

/**
 * The one door from every adapter into the core: a command from a caller in, a reply out.
 * Asynchronous outcomes (question posts, reveals) come as {@link Announcement} events.
 */
public interface ChatService {

    Reply handle(Caller caller, Command command);
}
