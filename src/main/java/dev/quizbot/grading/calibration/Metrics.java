package dev.quizbot.grading.calibration;

import dev.quizbot.grading.*;

/** Agreement of predicted labels (0..classes-1) with people's: accuracy, macro-F1, per-class recall. */
record Metrics(double accuracy, double macroF1, double[] recall, int count) {

    static Metrics of(int[] truth, int[] predicted, int classes) {
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        int right = 0;
        double f1 = 0;
        double[] recall = new double[classes];
        for (int c = 0; c < classes; c++) {
            right += confusion[c][c];
            int actual = 0;
            int said = 0;
            for (int o = 0; o < classes; o++) {
                actual += confusion[c][o];
                said += confusion[o][c];
            }
            double p = said == 0 ? 0 : confusion[c][c] / (double) said;
            double r = actual == 0 ? 0 : confusion[c][c] / (double) actual;
            recall[c] = r;
            f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return new Metrics(truth.length == 0 ? 0 : right / (double) truth.length, f1 / classes, recall, truth.length);
    }
}
