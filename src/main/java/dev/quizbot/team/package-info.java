/**
 * Teams: players of one community group up (one team per player per community) and are
 * ranked against other teams by mean points per active member (see the leaderboard package).
 */
package dev.quizbot.team;
