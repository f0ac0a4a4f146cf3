/**
 * The Discord adapter: runs the bot through JDA, turns slash commands, the "Answer" button and
 * its modal into {@link dev.quizbot.chat.Command}s for {@link dev.quizbot.chat.ChatService}, and
 * renders {@link dev.quizbot.chat.Reply}s and {@link dev.quizbot.chat.Announcement}s as embeds.
 * No game logic lives here. Off unless {@code DISCORD_TOKEN} is set.
 */
package dev.quizbot.discord;
