/**
 * The leaderboard web page and its read-only JSON API: communities with scores, their boards
 * (channel, server/workspace, team; today, week, month, all time) and the bank's topics. It
 * shows names and numbers only, the same as the chat boards, never user ids. The page is
 * static ({@code static/index.html}, {@code app.js}, {@code app.css}) and draws from the API.
 */
package dev.quizbot.web;
