package dev.quizbot.scoring;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.grading.Grade;
import dev.quizbot.grading.Verdict;

/**
 * How a grade becomes points (the rules are spelled out in the README, "Scoring"):
 * the grade's score (0-100, partial credit included) times the difficulty multiplier
 * (easy 1, medium 1.5, hard 2), plus a streak bonus on scheduled rounds: each consecutive
 * earlier scheduled round of the channel answered correctly adds 10%, up to +50%.
 * An answer graded not correct earns nothing, whatever its score: players would not call
 * it fair that a wrong answer climbs the board.
 * Points are whole numbers so that equal totals are exactly equal and share a rank.
 */
public final class ScoringRules {

    public static final double BONUS_PER_STREAK_ROUND = 0.10;
    public static final int MAX_BONUS_ROUNDS = 5;

    private ScoringRules() {
    }

    /** The points for one graded answer and the streak it leaves the user on. */
    public record Award(int points, int streak, int bonusPercent) {
    }

    /**
     * @param streakBefore consecutive earlier scheduled rounds answered correctly in the channel
     */
    public static Award award(Grade grade, Difficulty difficulty, boolean scheduled, int streakBefore) {
        boolean correct = grade.verdict() == Verdict.CORRECT;
        int bonusRounds = scheduled && correct ? Math.min(streakBefore, MAX_BONUS_ROUNDS) : 0;
        double bonus = bonusRounds * BONUS_PER_STREAK_ROUND;
        int points = grade.verdict() == Verdict.INCORRECT ? 0
                : (int) Math.round(grade.score() * difficulty.multiplier() * (1 + bonus));
        int streak = scheduled ? (correct ? streakBefore + 1 : 0) : 0;
        return new Award(points, streak, (int) Math.round(bonus * 100));
    }
}
