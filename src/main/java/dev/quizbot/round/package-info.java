/**
 * Rounds: one question in one channel until a deadline, one graded answer per player,
 * feedback in private and the reveal at close. Answers are committed before the player hears
 * back; open rounds live in the database, so they survive restarts and close on time.
 */
package dev.quizbot.round;
