/**
 * Leaderboards (channel, server, team; today, week, month, all time in the community's
 * timezone; shared ranks for ties; the caller's own rank) and player stats.
 */
package dev.quizbot.leaderboard;
