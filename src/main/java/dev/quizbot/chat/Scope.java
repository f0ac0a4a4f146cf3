package dev.quizbot.chat;

/** Whose leaderboard: one channel's, the whole server/workspace's, or teams ranked against each other. */
public enum Scope {
    CHANNEL, SERVER, TEAM
}
