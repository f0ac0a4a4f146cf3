/**
 * Private practice: a player drills questions on their own, graded by the same grader as
 * channel rounds, with FSRS-6 spaced repetition ({@link dev.quizbot.practice.Fsrs}) deciding
 * what comes next. Entry point: {@link dev.quizbot.practice.PracticeService}. Practice never
 * touches the leaderboards; channel-round answers feed the scheduler through
 * {@link dev.quizbot.practice.ChannelReviews}.
 */
package dev.quizbot.practice;
