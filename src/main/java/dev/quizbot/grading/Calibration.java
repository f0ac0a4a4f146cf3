package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fitting procedure, in one place so that {@code grading-fit} and {@code grading-bench}
 * cannot drift apart: features for every labelled answer, L2 strength chosen by stratified
 * k-fold cross-validation (held-out log-loss) with a fixed seed, then one fit on all answers. Answers the screen
 * turns away (empty, "idk", another language) are not fitted: the screen decides them, and
 * the benchmark counts them as predicted incorrect.
 */
final class Calibration {

    static final double[] LAMBDAS = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3};
    static final int INNER_FOLDS = 5;

    /** One labelled answer as the model sees it; {@code x} is null when the screen decided it. */
    record Row(LabelledAnswers.Item item, double[] x, int label, boolean contradicted) {
        boolean screened() {
            return x == null;
        }
    }

    record Fit(VerdictModel model, double lambda, double innerAccuracy) {
    }

    private Calibration() {
    }

    static List<String> featureNames(boolean meaning) {
        List<String> names = new ArrayList<>(Features.CONCEPT_FEATURES);
        if (meaning) {
            names.addAll(Features.MEANING_FEATURES);
        }
        return names;
    }

    static List<Row> rows(AnswerAnalyzer analyzer, LabelledAnswers set) {
        List<String> names = featureNames(analyzer.model().isPresent());
        return set.items().parallelStream().map(item -> {
            var analysis = analyzer.analyze(item.question(), item.answer());
            double[] x = analysis.features().map(f -> names.stream().mapToDouble(f::get).toArray()).orElse(null);
            return new Row(item, x, VerdictModel.CLASSES.indexOf(item.label()), analysis.clash().isPresent());
        }).toList();
    }

    /** Chooses the L2 strength by inner cross-validation on {@code rows}, then fits on all of them. */
    static Fit fit(List<String> names, List<Row> rows, long seed) {
        List<Row> fitted = rows.stream().filter(r -> !r.screened()).toList();
        double bestLambda = LAMBDAS[0];
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestAccuracy = 0;
        int[] folds = folds(fitted, INNER_FOLDS, seed);
        // Chosen by held-out log-loss, which rewards calibrated probabilities and is far less
        // jumpy than accuracy on a few hundred answers; ties go to the stronger regularisation.
        for (double lambda : LAMBDAS) {
            int right = 0;
            double loss = 0;
            for (int k = 0; k < INNER_FOLDS; k++) {
                VerdictModel model = train(names, fitted, folds, k, lambda);
                for (int i = 0; i < fitted.size(); i++) {
                    if (folds[i] == k) {
                        double[] p = model.probabilities(fitted.get(i).x());
                        loss -= Math.log(Math.max(1e-12, p[fitted.get(i).label()])) / fitted.size();
                        if (predict(model, fitted.get(i)) == fitted.get(i).label()) {
                            right++;
                        }
                    }
                }
            }
            if (loss <= bestLoss + 1e-9) {
                bestLoss = loss;
                bestLambda = lambda;
                bestAccuracy = right / (double) fitted.size();
            }
        }
        return new Fit(train(names, fitted, new int[fitted.size()], -1, bestLambda), bestLambda, bestAccuracy);
    }

    static int predict(VerdictModel model, Row row) {
        return VerdictModel.CLASSES.indexOf(model.decide(row.x(), row.contradicted()).verdict());
    }

    /**
     * The lowest closeness to the reference of any answer people judged correct or partial: no
     * answer below it was worth anything, so an answer below it that also names no key concept
     * is not left to the weights. NaN (no floor) without meaning features.
     */
    static double relevanceFloor(VerdictModel model, List<Row> rows) {
        return rows.stream()
                .filter(r -> r.label() != VerdictModel.CLASSES.indexOf(Verdict.INCORRECT))
                .mapToDouble(r -> model.closeness(r.x()))
                .filter(c -> !Double.isNaN(c))
                .min().orElse(Double.NaN);
    }

    /** Out-of-fold predictions: for each outer fold, {@link #fit} on the others (lambda chosen inside), predict the held-out answers. */
    static int[] crossValidate(List<String> names, List<Row> rows, int outerFolds, long seed) {
        int[] folds = folds(rows, outerFolds, seed);
        int[] predicted = new int[rows.size()];
        for (int k = 0; k < outerFolds; k++) {
            List<Row> training = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (folds[i] != k) {
                    training.add(rows.get(i));
                }
            }
            VerdictModel model = fit(names, training, seed + k).model();
            for (int i = 0; i < rows.size(); i++) {
                if (folds[i] == k) {
                    Row row = rows.get(i);
                    predicted[i] = row.screened() ? VerdictModel.CLASSES.indexOf(Verdict.INCORRECT) : predict(model, row);
                }
            }
        }
        return predicted;
    }

    private static VerdictModel train(List<String> names, List<Row> rows, int[] folds, int heldOut, double lambda) {
        List<Row> training = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (folds[i] != heldOut) {
                training.add(rows.get(i));
            }
        }
        double[][] x = training.stream().map(Row::x).toArray(double[][]::new);
        int[] y = training.stream().mapToInt(Row::label).toArray();
        VerdictModel model = LogisticRegression.fit(names, x, y, lambda);
        return model.withRelevanceFloor(relevanceFloor(model, training));
    }

    /** Stratified fold numbers: each label's rows shuffled with the seed, then dealt round-robin. */
    static int[] folds(List<Row> rows, int k, long seed) {
        int[] folds = new int[rows.size()];
        Random random = new Random(seed);
        int next = 0;
        for (int label = 0; label < VerdictModel.CLASSES.size(); label++) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).label() == label) {
                    indexes.add(i);
                }
            }
            java.util.Collections.shuffle(indexes, random);
            for (int index : indexes) {
                folds[index] = next++ % k;
            }
        }
        return folds;
    }

    /** Accuracy, macro-F1 and the confusion matrix (rows: human label, columns: predicted). */
    record Scores(double accuracy, double macroF1, int[][] confusion) {
        static Scores of(int[] truth, int[] predicted, int classes) {
            int[][] confusion = new int[classes][classes];
            int right = 0;
            for (int i = 0; i < truth.length; i++) {
                confusion[truth[i]][predicted[i]]++;
                if (truth[i] == predicted[i]) {
                    right++;
                }
            }
            double f1 = 0;
            for (int c = 0; c < classes; c++) {
                int tp = confusion[c][c];
                int fp = 0;
                int fn = 0;
                for (int o = 0; o < classes; o++) {
                    if (o != c) {
                        fp += confusion[o][c];
                        fn += confusion[c][o];
                    }
                }
                f1 += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            }
            return new Scores(truth.length == 0 ? 0 : right / (double) truth.length, f1 / classes, confusion);
        }
    }
}
