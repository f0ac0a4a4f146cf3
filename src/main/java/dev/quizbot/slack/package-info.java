/**
 * The Slack adapter: Bolt for Java translating {@code /quiz}, the "Answer" button, the answer
 * modal and the App Home tab into {@link dev.quizbot.chat.Command}s for
 * {@link dev.quizbot.chat.ChatService}, and rendering {@link dev.quizbot.chat.Reply}s and
 * {@link dev.quizbot.chat.Announcement}s as Block Kit. No game logic lives here.
 *
 * <p>HTTP mode runs inside the Spring MVC app at {@code /slack/events} (Bolt verifies the
 * signature); Socket Mode runs when an app-level token is configured. Without a bot token the
 * whole package stays switched off.
 */
package dev.quizbot.slack;
