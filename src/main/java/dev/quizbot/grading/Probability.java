package dev.quizbot.grading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One fitted probability over an answer's measurements (see {@link VerdictModel}): the average
 * of boosted trees and a logistic model as shipped, either alone (the bench compares them), or a
 * constant where the training answers had one class only.
 */
public sealed interface Probability permits Probability.Average, Probability.BoostedTrees, Probability.Logistic, Probability.Constant {

    /** P(label) for the measurements {@code x}, in the order of the model's feature names. */
    double of(double[] x);

    /**
     * The mean of its members' probabilities. Trees find where measurements matter together; the
     * logistic model keeps the steady effect of rare evidence (a contradiction the rules found)
     * that trees cut into too few answers to learn; together they grade better than either.
     */
    record Average(List<Probability> members) implements Probability {

        public Average {
            if (members.isEmpty()) {
                throw new IllegalArgumentException("an average needs at least one member");
            }
            members = List.copyOf(members);
        }

        @Override
        public double of(double[] x) {
            double sum = 0;
            for (Probability member : members) {
                sum += member.of(x);
            }
            return sum / members.size();
        }
    }

    /** The same probability for every answer. */
    record Constant(double p) implements Probability {
        @Override
        public double of(double[] x) {
            return p;
        }
    }

    /**
     * A logistic model over standardised measurements.
     *
     * @param mean    per-measurement mean on the training answers
     * @param scale   per-measurement standard deviation (1 where constant)
     * @param weights weights then bias
     */
    record Logistic(double[] mean, double[] scale, double[] weights) implements Probability {

        public Logistic {
            if (scale.length != mean.length || weights.length != mean.length + 1) {
                throw new IllegalArgumentException("a logistic model needs as many means and scales as weights, plus a bias");
            }
        }

        @Override
        public double of(double[] x) {
            double s = weights[weights.length - 1];
            for (int i = 0; i < mean.length; i++) {
                s += weights[i] * (x[i] - mean[i]) / scale[i];
            }
            return 1 / (1 + Math.exp(-s));
        }
    }

    /**
     * Gradient-boosted trees fitted by XGBoost, kept as XGBoost's own model bytes (UBJSON) and
     * read by XGBoost itself. Trees weigh measurements together where they matter together
     * (aligned words count for more when the meaning agrees too) without hand-made products.
     */
    final class BoostedTrees implements Probability {

        private final byte[] model;
        private final Booster booster;

        public BoostedTrees(byte[] model) {
            this.model = model.clone();
            try {
                this.booster = XGBoost.loadModel(new ByteArrayInputStream(this.model));
            } catch (XGBoostError | IOException e) {
                throw new IllegalArgumentException("not an XGBoost model: " + e.getMessage(), e);
            }
        }

        /** The model as XGBoost wrote it. */
        public byte[] model() {
            return model.clone();
        }

        /** Called by concurrent graders on one booster: XGBoost's prediction on tree models is thread-safe since 1.4. */
        @Override
        public double of(double[] x) {
            float[] row = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                row[i] = (float) x[i];
            }
            DMatrix matrix = null;
            try {
                matrix = new DMatrix(row, 1, row.length, Float.NaN);
                return booster.predict(matrix)[0][0];
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost could not score an answer: " + e.getMessage(), e);
            } finally {
                if (matrix != null) {
                    matrix.dispose();
                }
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BoostedTrees trees && Arrays.equals(model, trees.model);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(model);
        }
    }
}
