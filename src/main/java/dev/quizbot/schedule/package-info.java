/**
 * Schedules: per-channel posts at {@code daily HH:MM} or a cron expression in an IANA
 * timezone, each slot fired exactly once (recorded in the database), missed slots posted
 * within a grace period after downtime, the ticker that drives rounds and schedules, and what
 * happens when an adapter reports a question post it could not deliver.
 */
package dev.quizbot.schedule;
