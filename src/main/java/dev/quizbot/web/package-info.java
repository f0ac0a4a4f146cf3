/**
 * The web pages and their read-only JSON API: leaderboards ({@link dev.quizbot.web.LeaderboardApi}),
 * the question browser ({@link dev.quizbot.web.QuestionsApi}) and the player, team and
 * round-history pages ({@link dev.quizbot.web.HistoryApi}). Only communities an admin
 * published appear ({@link dev.quizbot.web.PublishedCommunities}); the pages show names and
 * numbers, never user ids or anybody's answer text. The pages are static
 * ({@code static/*.html}, {@code *.js}, {@code app.css}), draw from the API, and chart with
 * Chart.js from its WebJar.
 */
package dev.quizbot.web;
