package dev.quizbot.grading.calibration;

import dev.quizbot.grading.*;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Fits a {@link VerdictModel} with liblinear's L2-regularised logistic regression. Nothing here
 * is tuned on test data: the regularisation is liblinear's default (C = 1) and the correct
 * threshold is 0.5.
 */
final class VerdictFit {

    /** One human-graded answer's measurements and what people said of it; a label is null where its source has none. */
    record Example(double[] x, boolean correct, Boolean partial, Boolean contradictory, double weight) {
    }

    static final double C = 1.0;

    static {
        Linear.disableDebugOutput();
    }

    private VerdictFit() {
    }

    static VerdictModel fit(List<String> names, List<Example> examples) {
        int d = names.size();
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
        double[] correct = logistic(examples, mean, scale, e -> e.correct());
        double[] partial = logistic(examples.stream().filter(e -> !e.correct() && e.partial() != null).toList(), mean, scale,
                Example::partial);
        double[] contradictory = logistic(examples.stream().filter(e -> !e.correct() && e.contradictory() != null).toList(),
                mean, scale, Example::contradictory);
        return new VerdictModel(names, mean, scale, correct, partial, contradictory, 0.5);
    }

    /** Weights then bias of P(label) on standardised inputs; all-zero weights when one class is absent. */
    private static double[] logistic(List<Example> examples, double[] mean, double[] scale,
                                     java.util.function.Function<Example, Boolean> label) {
        int d = mean.length;
        long positives = examples.stream().filter(label::apply).count();
        if (positives == 0 || positives == examples.size()) {
            double[] constant = new double[d + 1];
            constant[d] = positives == 0 ? -4 : 4;
            return constant;
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
        return out;
    }
}
