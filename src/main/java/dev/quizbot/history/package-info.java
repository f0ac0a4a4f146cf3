/**
 * What happened, read back for the web pages: a player's or a team's accuracy and points per
 * week, their topics, their recent rounds with the reveals, and a channel's past rounds with
 * reveal statistics. Entry points: {@link dev.quizbot.history.PlayerHistory} and
 * {@link dev.quizbot.history.RoundHistory}. Everything here is read-only, names users by
 * display name only, and never returns anyone's answer text.
 */
package dev.quizbot.history;
