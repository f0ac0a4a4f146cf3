package dev.quizbot.grading;

import java.util.List;

/**
 * Fits a {@link VerdictModel}: multinomial logistic regression with L2 regularisation, by
 * full-batch gradient descent on standardised features. Deterministic (zero start, fixed
 * step count), so the same data always gives the same weights. Small data (hundreds of
 * answers, a score of features) makes this fast enough for nested cross-validation.
 */
final class LogisticRegression {

    private static final int STEPS = 1500;
    private static final double LEARNING_RATE = 0.5;

    private LogisticRegression() {
    }

    static VerdictModel fit(List<String> features, double[][] x, int[] y, double lambda) {
        int n = x.length;
        int d = features.size();
        int k = VerdictModel.CLASSES.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] < 1e-12 ? 1 : Math.sqrt(scale[j]);
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[][] w = new double[k][d];
        double[] b = new double[k];
        for (int step = 0; step < STEPS; step++) {
            double[][] gw = new double[k][d];
            double[] gb = new double[k];
            for (int i = 0; i < n; i++) {
                double[] logits = new double[k];
                for (int c = 0; c < k; c++) {
                    double s = b[c];
                    for (int j = 0; j < d; j++) {
                        s += w[c][j] * z[i][j];
                    }
                    logits[c] = s;
                }
                double[] p = VerdictModel.softmax(logits);
                for (int c = 0; c < k; c++) {
                    double error = p[c] - (y[i] == c ? 1 : 0);
                    gb[c] += error / n;
                    for (int j = 0; j < d; j++) {
                        gw[c][j] += error * z[i][j] / n;
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                b[c] -= LEARNING_RATE * gb[c];
                for (int j = 0; j < d; j++) {
                    w[c][j] -= LEARNING_RATE * (gw[c][j] + lambda * w[c][j]);
                }
            }
        }
        return new VerdictModel(features, mean, scale, w, b);
    }

}
