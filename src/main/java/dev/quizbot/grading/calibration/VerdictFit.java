package dev.quizbot.grading.calibration;

import dev.quizbot.grading.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Fits a {@link VerdictModel}: the average of gradient-boosted trees (XGBoost) and liblinear's
 * L2-regularised logistic regression, which is what ships, or either alone (the bench measures
 * them beside it; logistic alone was the previous release's learner). Nothing here is tuned on test data: the trees' settings were chosen on the
 * development set's grouped cross-validation alone, liblinear's regularisation is its default
 * (C = 1), and the correct threshold is 0.5.
 */
final class VerdictFit {

    /** One human-graded answer's measurements and what people said of it; a label is null where its source has none. */
    record Example(double[] x, boolean correct, Boolean partial, Boolean contradictory, double weight) {
    }

    /** How a probability is fitted. What ships is {@link #AVERAGE}: trees and the logistic model, averaged. */
    enum Learner {
        AVERAGE, BOOSTED_TREES, LOGISTIC
    }

    static final double C = 1.0;

    /**
     * XGBoost's settings: 300 rounds of trees with at most 31 leaves, learning rate 0.05, L2 1,
     * a leaf needs a hessian weight of 5 (a few answers), histogram splits, one seed. Chosen on
     * the development set's grouped cross-validation alone (docs/benchmarks.md lists the ones tried).
     */
    static final int ROUNDS = 300;

    static Map<String, Object> boostedParameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eta", 0.05);
        p.put("max_depth", 0);
        p.put("max_leaves", 31);
        p.put("grow_policy", "lossguide");
        p.put("tree_method", "hist");
        p.put("lambda", 1.0);
        p.put("min_child_weight", 5.0);
        p.put("seed", 42);
        p.put("nthread", Runtime.getRuntime().availableProcessors());
        p.put("verbosity", 0);
        return p;
    }

    static {
        Linear.disableDebugOutput();
    }

    private VerdictFit() {
    }

    static VerdictModel fit(List<String> names, List<Example> examples) {
        return fit(names, examples, Learner.AVERAGE);
    }

    static VerdictModel fit(List<String> names, List<Example> examples, Learner learner) {
        List<Example> notCorrect = examples.stream().filter(e -> !e.correct()).toList();
        Probability correct = probability(learner, names.size(), examples, e -> e.correct());
        Probability partial = probability(learner, names.size(), notCorrect.stream().filter(e -> e.partial() != null).toList(),
                Example::partial);
        Probability contradictory = probability(learner, names.size(),
                notCorrect.stream().filter(e -> e.contradictory() != null).toList(), Example::contradictory);
        return new VerdictModel(names, correct, partial, contradictory, 0.5);
    }

    private static Probability probability(Learner learner, int d, List<Example> examples, Function<Example, Boolean> label) {
        long positives = examples.stream().filter(label::apply).count();
        if (positives == 0 || positives == examples.size()) {
            return new Probability.Constant(positives == 0 ? 0.02 : 0.98);
        }
        return switch (learner) {
            case AVERAGE -> new Probability.Average(List.of(boosted(d, examples, label), logistic(d, examples, label)));
            case BOOSTED_TREES -> boosted(d, examples, label);
            case LOGISTIC -> logistic(d, examples, label);
        };
    }

    private static Probability boosted(int d, List<Example> examples, Function<Example, Boolean> label) {
        float[] data = new float[examples.size() * d];
        float[] labels = new float[examples.size()];
        float[] weights = new float[examples.size()];
        for (int r = 0; r < examples.size(); r++) {
            Example e = examples.get(r);
            for (int i = 0; i < d; i++) {
                data[r * d + i] = (float) e.x()[i];
            }
            labels[r] = label.apply(e) ? 1 : 0;
            weights[r] = (float) e.weight();
        }
        DMatrix train = null;
        try {
            train = new DMatrix(data, examples.size(), d, Float.NaN);
            train.setLabel(labels);
            train.setWeight(weights);
            Booster booster = XGBoost.train(train, boostedParameters(), ROUNDS, Map.of(), null, null);
            byte[] model = booster.toByteArray("ubj");
            booster.dispose();
            return new Probability.BoostedTrees(model);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not fit: " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }

    /** A logistic model on standardised inputs, fitted by liblinear. */
    private static Probability logistic(int d, List<Example> examples, Function<Example, Boolean> label) {
        double[] mean = new double[d];
        double[] scale = new double[d];
        double total = 0;
        for (Example e : examples) {
            total += e.weight();
            for (int i = 0; i < d; i++) {
                mean[i] += e.weight() * e.x()[i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= total;
        }
        for (Example e : examples) {
            for (int i = 0; i < d; i++) {
                scale[i] += e.weight() * Math.pow(e.x()[i] - mean[i], 2);
            }
        }
        for (int i = 0; i < d; i++) {
            scale[i] = Math.sqrt(scale[i] / total);
            if (scale[i] < 1e-9) {
                scale[i] = 1;
            }
        }
        // liblinear takes no per-answer weights, so an answer of weight k is given k times
        List<Feature[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Example e : examples) {
            Feature[] row = new Feature[d + 1];
            for (int i = 0; i < d; i++) {
                row[i] = new FeatureNode(i + 1, (e.x()[i] - mean[i]) / scale[i]);
            }
            row[d] = new FeatureNode(d + 1, 1);
            for (int k = 0; k < Math.max(1, Math.round(e.weight())); k++) {
                rows.add(row);
                ys.add(label.apply(e) ? 1.0 : 0.0);
            }
        }
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = d + 1;
        problem.bias = 1;
        problem.x = rows.toArray(Feature[][]::new);
        problem.y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, C, 0.0001));
        double[] w = model.getFeatureWeights();
        // liblinear's weights are for its first label; flip them when that label is 0
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] out = new double[d + 1];
        for (int i = 0; i <= d; i++) {
            out[i] = sign * w[i];
        }
        return new Probability.Logistic(mean, scale, out);
    }
}
