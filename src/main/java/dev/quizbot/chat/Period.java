package dev.quizbot.chat;

/** The leaderboard window, computed in the community's timezone. */
public enum Period {
    TODAY, WEEK, MONTH, ALL
}
