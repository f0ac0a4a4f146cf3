/**
 * Schedules: per-channel posts at {@code daily HH:MM} or a cron expression in an IANA
 * timezone, each slot fired exactly once (recorded in the database), missed slots posted
 * within a grace period after downtime, and the ticker that drives rounds and schedules.
 */
package dev.quizbot.schedule;
