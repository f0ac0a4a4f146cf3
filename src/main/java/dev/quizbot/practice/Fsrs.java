package dev.quizbot.practice;

import java.util.List;

/**
 * The FSRS-6 memory model with its published default parameters: a card's stability (days
 * until recall drops to 90%) and difficulty (1-10), updated by each review's rating, and the
 * interval after which predicted recall falls to the desired retention.
 *
 * <p>No maintained FSRS library is published to Maven Central, so the formulas are written out
 * here, following the reference implementation (fsrs-rs / ts-fsrs) term by term; the tests check
 * them against its published vectors. Same-day reviews use FSRS-6's short-term stability
 * formula (the reference's {@code enable_short_term}); elapsed time is counted in whole days,
 * as the reference does.
 */
public final class Fsrs {

    /** FSRS-6 default parameters w0..w20, as the reference implementation ships them. */
    public static final List<Double> DEFAULT_PARAMETERS = List.of(
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
            0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
            0.0912, 0.0658, 0.1542);
    public static final double DEFAULT_RETENTION = 0.9;
    public static final int MAX_INTERVAL_DAYS = 36_500;
    private static final double MIN_STABILITY = 0.001;

    /** A card's memory after at least one review. */
    public record Memory(double stability, double difficulty) {
    }

    private final double[] w;
    private final double retention;
    private final boolean shortTerm;
    private final double decay;
    private final double factor;

    public Fsrs() {
        this(DEFAULT_PARAMETERS, DEFAULT_RETENTION, true);
    }

    public Fsrs(List<Double> parameters, double retention, boolean shortTerm) {
        if (parameters.size() != 21) {
            throw new IllegalArgumentException("FSRS-6 takes 21 parameters, got " + parameters.size());
        }
        if (!(retention > 0 && retention < 1)) {
            throw new IllegalArgumentException("retention must be between 0 and 1, was " + retention);
        }
        this.w = parameters.stream().mapToDouble(Double::doubleValue).toArray();
        this.retention = retention;
        this.shortTerm = shortTerm;
        this.decay = -w[20];
        // chosen so that recall is exactly 90% after `stability` days
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    /** The memory after a review {@code elapsedDays} after the previous one; {@code before} null for a first review. */
    public Memory next(Memory before, long elapsedDays, Rating rating) {
        if (elapsedDays < 0) {
            throw new IllegalArgumentException("elapsed days must not be negative, was " + elapsedDays);
        }
        int g = rating.grade();
        if (before == null) {
            return new Memory(Math.max(w[g - 1], MIN_STABILITY), clampDifficulty(initialDifficulty(g)));
        }
        double s = before.stability();
        double d = before.difficulty();
        double r = retrievability(elapsedDays, s);
        double stability;
        if (elapsedDays == 0 && shortTerm) {
            stability = shortTermStability(s, g);
        } else if (rating == Rating.AGAIN) {
            double floor = shortTerm ? s / Math.exp(w[17] * w[18]) : s;
            stability = Math.min(floor, forgetStability(d, s, r));
        } else {
            stability = recallStability(d, s, r, g);
        }
        return new Memory(Math.min(Math.max(stability, MIN_STABILITY), MAX_INTERVAL_DAYS), nextDifficulty(d, g));
    }

    /** Predicted probability of recall {@code elapsedDays} after a review that left stability {@code s}. */
    public double retrievability(double elapsedDays, double s) {
        return Math.pow(1 + factor * elapsedDays / s, decay);
    }

    /** Whole days until predicted recall falls to the desired retention: at least 1, at most 100 years. */
    public long intervalDays(double stability) {
        double days = stability / factor * (Math.pow(retention, 1 / decay) - 1);
        return Math.min(Math.max(Math.round(days), 1), MAX_INTERVAL_DAYS);
    }

    private double initialDifficulty(int g) {
        return w[4] - Math.exp(w[5] * (g - 1)) + 1;
    }

    private double nextDifficulty(double d, int g) {
        double delta = -w[6] * (g - 3);
        // linear damping: the closer to 10, the smaller the step
        double damped = d + delta * (10 - d) / 9;
        // mean reversion towards the (unclamped) difficulty of a first Easy
        return clampDifficulty(w[7] * initialDifficulty(4) + (1 - w[7]) * damped);
    }

    private double recallStability(double d, double s, double r, int g) {
        double hardPenalty = g == 2 ? w[15] : 1;
        double easyBonus = g == 4 ? w[16] : 1;
        return s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1)
                * hardPenalty * easyBonus);
    }

    private double forgetStability(double d, double s, double r) {
        return w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]);
    }

    private double shortTermStability(double s, int g) {
        double increase = Math.exp(w[17] * (g - 3 + w[18])) * Math.pow(s, -w[19]);
        return s * (g >= 3 ? Math.max(increase, 1) : increase);
    }

    private static double clampDifficulty(double d) {
        return Math.min(Math.max(d, 1), 10);
    }
}
