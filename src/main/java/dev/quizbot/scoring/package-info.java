/**
 * Scoring: how grades become points (score × difficulty multiplier, streak bonus), the
 * rolled-up score buckets leaderboards read, player names and each community's timezone.
 */
package dev.quizbot.scoring;
