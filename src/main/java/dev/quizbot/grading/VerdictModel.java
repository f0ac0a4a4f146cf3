package dev.quizbot.grading;

import java.util.List;

/**
 * A fitted multinomial logistic regression from {@link Features} to the three verdicts
 * (order of {@link #CLASSES}). Features are standardised with the training mean and scale.
 * Produced by {@link LogisticRegression}, stored in {@code grading/weights.json}.
 */
record VerdictModel(List<String> features, double[] mean, double[] scale, double[][] weights, double[] bias) {

    static final List<Verdict> CLASSES = List.of(Verdict.INCORRECT, Verdict.PARTIAL, Verdict.CORRECT);

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
