/**
 * Appeals and the review queue: players contest a grade ({@code appeal}), grades the grader
 * is unsure of queue themselves, and admins settle groups of similar answers at once
 * ({@code review ...}); a decision regrades exactly (points, streaks, boards) and may teach
 * the bank an accepted answer or a misconception, kept as an overlay on the YAML files.
 * Entry point: {@link dev.quizbot.review.ReviewDesk}; {@code export-bank} writes the bank with
 * the overlay merged ({@link dev.quizbot.review.ExportBankCommand}); the web page's side is
 * {@link dev.quizbot.review.ReviewBoard}, opened by the signed links of
 * {@link dev.quizbot.review.ReviewLinks}. No platform or web types here.
 */
package dev.quizbot.review;
