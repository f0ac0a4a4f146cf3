package dev.quizbot.grading;

import java.util.List;

/**
 * A fitted multinomial logistic regression from {@link Features} to the three verdicts
 * (order of {@link #CLASSES}). Features are standardised with the training mean and scale.
 * Produced by {@link LogisticRegression}, stored in {@code grading/weights.json}.
 *
 * <p>Two things a weighted sum cannot be trusted with are decided around it ({@link #decide}):
 * an answer that contradicts the reference is never correct, and one that names no key concept
 * and comes nowhere near the reference in meaning (below {@code relevanceFloor}, fitted with the
 * weights) is not correct at all. A linear model extrapolates: on padding that shares nothing
 * with the reference it read "far from the question" as "not a restated question" and said correct.
 */
record VerdictModel(List<String> features, double[] mean, double[] scale, double[][] weights, double[] bias,
                    double relevanceFloor) {

    static final List<Verdict> CLASSES = List.of(Verdict.INCORRECT, Verdict.PARTIAL, Verdict.CORRECT);

    /** The verdict, the fitted probabilities, and whether the relevance floor decided it. */
    record Decision(Verdict verdict, double[] probabilities, boolean unrelated) {
    }

    VerdictModel(List<String> features, double[] mean, double[] scale, double[][] weights, double[] bias) {
        this(features, mean, scale, weights, bias, Double.NaN);
    }

    VerdictModel {
        features = List.copyOf(features);
        if (mean.length != features.size() || scale.length != features.size() || weights.length != CLASSES.size()
                || bias.length != CLASSES.size()) {
            throw new IllegalArgumentException("weights do not fit " + features.size() + " features and 3 classes");
        }
        for (double[] row : weights) {
            if (row.length != features.size()) {
                throw new IllegalArgumentException("a weight row has " + row.length + " values, expected " + features.size());
            }
        }
    }

    VerdictModel withRelevanceFloor(double floor) {
        return new VerdictModel(features, mean, scale, weights, bias, floor);
    }

    /**
     * How close an answer comes to the reference in meaning, whole or sentence by sentence; NaN
     * for a concepts-only model.
     */
    double closeness(double[] raw) {
        int whole = features.indexOf("similarity");
        int sentence = features.indexOf("sentence_best");
        return whole < 0 || sentence < 0 ? Double.NaN : Math.max(raw[whole], raw[sentence]);
    }

    /** True when the answer names no key concept and is less close to the reference than the floor. */
    boolean unrelated(double[] raw) {
        int coverage = features.indexOf("coverage");
        return !Double.isNaN(relevanceFloor) && coverage >= 0 && raw[coverage] == 0 && closeness(raw) < relevanceFloor;
    }

    Decision decide(double[] raw, boolean contradicted) {
        double[] p = probabilities(raw);
        if (unrelated(raw)) {
            return new Decision(Verdict.INCORRECT, p, true);
        }
        int best = 0;
        int last = contradicted ? CLASSES.indexOf(Verdict.PARTIAL) : CLASSES.size() - 1;
        for (int c = 1; c <= last; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return new Decision(CLASSES.get(best), p, false);
    }

    double[] vector(Features values) {
        double[] x = new double[features.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = values.get(features.get(i));
        }
        return x;
    }

    /** Class probabilities for a raw (not standardised) feature vector. */
    double[] probabilities(double[] raw) {
        double[] logits = new double[CLASSES.size()];
        for (int c = 0; c < logits.length; c++) {
            double z = bias[c];
            for (int i = 0; i < raw.length; i++) {
                z += weights[c][i] * (raw[i] - mean[i]) / scale[i];
            }
            logits[c] = z;
        }
        return softmax(logits);
    }

    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
