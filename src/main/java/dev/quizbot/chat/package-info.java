/**
 * The platform-neutral chat contracts every adapter speaks ({@link dev.quizbot.chat.Command},
 * {@link dev.quizbot.chat.Reply}, {@link dev.quizbot.chat.Views}, {@link dev.quizbot.chat.Announcement}),
 * the text {@link dev.quizbot.chat.CommandParser}, and the core's {@link dev.quizbot.chat.ChatService}
 * implementation, which dispatches each command to its feature, checks admin rights and applies
 * the per-user command rate limit ({@link dev.quizbot.chat.RateLimitProperties}).
 */
package dev.quizbot.chat;
