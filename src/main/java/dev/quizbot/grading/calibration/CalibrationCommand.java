package dev.quizbot.grading.calibration;

import dev.quizbot.grading.*;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;

/**
 * {@code grading-fit} and {@code grading-bench}. Fitting uses the SemEval-2013 train splits and
 * our development set only. The bench reports, in one run and for every dataset, quizbot beside
 * the majority class, reference-word recall and raw model cosine, each baseline's thresholds
 * fitted on the same training data as quizbot; the development set is cross-validated grouped
 * by question (no question in both train and test folds) with the by-answer figure beside it;
 * SemEval's five test splits are never fitted or tuned on.
 */
public final class CalibrationCommand {

    /** A development-set answer counts this many times against one SemEval answer: it is our domain. */
    static final int DEV_WEIGHT = 3;

    /** Questions kept read while measuring: SemEval's train answers are read once each as examples for the others. */
    static final int CALIBRATION_CACHE = 20_000;

    /** Groups of measurements the ablation leaves out one at a time. */
    static final Map<String, List<String>> ABLATIONS = new LinkedHashMap<>();

    static {
        ABLATIONS.put("word alignment", List.of("soft_recall", "soft_recall_all", "aligned_recall", "soft_precision", "unaligned"));
        ABLATIONS.put("sentence cosine", List.of("cosine", "question_cosine", "cosine_margin"));
        ABLATIONS.put("character and word n-grams", List.of("trigram_recall", "trigram_precision", "bigram_recall"));
        ABLATIONS.put("WordNet antonyms", List.of("antonym"));
        ABLATIONS.put("negation mismatch", List.of("negation_mismatch"));
        ABLATIONS.put("key concepts", List.of("concepts", "all_concepts"));
        ABLATIONS.put("contradiction rule", List.of("rule_contradiction"));
        ABLATIONS.put("denial rule", List.of("rule_denial"));
        ABLATIONS.put("settled answers", AnswerAnalyzer.EXAMPLE_FEATURES);
    }

    record Options(Path devset, Path bank, Path output, Path semeval, List<SentenceModel> models, int folds, long seed,
                   boolean skipUnknown, boolean showErrors, boolean ablation, boolean writeWeights, Path export) {
    }

    private CalibrationCommand() {
    }

    public static int fit(String[] args, PrintStream out, PrintStream err) {
        Options options = parse(args, err);
        if (options == null) {
            return 2;
        }
        QuestionBank bank = new QuestionBankLoader().load(options.bank());
        LabelledAnswers set = LabelledAnswers.read(options.devset(), bank, options.skipUnknown(), err);
        Map<String, VerdictModel> models = new LinkedHashMap<>();
        Map<String, String> provenance = provenance(args, options, set.items().size());
        for (SentenceModels.Load load : loadsWithConceptsOnly(options)) {
            String name = load.loaded().map(EmbeddingModel::name).orElse(VerdictWeights.CONCEPTS_ONLY);
            AnswerAnalyzer analyzer = new AnswerAnalyzer(load.loaded(), CALIBRATION_CACHE);
            List<CalibrationData.Row> train = new ArrayList<>(CalibrationData.devset(analyzer, set));
            int semevalAnswers = 0;
            if (Files.isDirectory(options.semeval())) {
                List<CalibrationData.Row> semeval = CalibrationData.semeval(analyzer, options.semeval()).stream()
                        .filter(r -> r.source().endsWith("/train")).toList();
                semevalAnswers = semeval.size();
                train.addAll(semeval);
            } else {
                err.println("SemEval data not found at " + options.semeval() + "; fitting on the development set alone.");
            }
            models.put(name, fitOn(AnswerAnalyzer.FEATURES, train));
            provenance.put("semeval_train_answers", Integer.toString(semevalAnswers));
            out.printf(Locale.ROOT, "%-20s fitted on %d answers (%d from SemEval train splits)%n", name, train.size(), semevalAnswers);
        }
        new VerdictWeights(models, provenance).write(options.output());
        out.println("Wrote " + options.output() + ".");
        return 0;
    }

    private static Map<String, String> provenance(String[] args, Options options, int devAnswers) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("procedure", "the average of liblinear L2-regularised logistic regression (C = " + VerdictFit.C
                + ", over the measurements and the products of the main ones) and XGBoost gradient-boosted trees (" + VerdictFit.ROUNDS + " rounds; "
                + VerdictFit.boostedParameters().entrySet().stream().filter(e -> !e.getKey().equals("nthread") && !e.getKey().equals("verbosity"))
                        .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "))
                + "), three binary models: correct vs not; partial vs incorrect; contradictory vs not");
        provenance.put("data", "SemEval-2013 Task 7 train splits (SciEntsBank, Beetle; CC BY-SA 3.0) and the development set"
                + " (each development answer weighted " + DEV_WEIGHT + ")");
        provenance.put("command", ("java -jar target/quizbot.jar " + (options.writeWeights() ? "grading-bench " : "grading-fit ")
                + String.join(" ", args)).strip());
        provenance.put("devset_sha256", sha256(options.devset()));
        provenance.put("devset_answers", Integer.toString(devAnswers));
        return provenance;
    }

    /**
     * Measurements multiplied pairwise for the fit (see {@link VerdictModel}). Chosen on the
     * development set's grouped cross-validation alone: these products lifted it from 0.813 to
     * 0.836; products of every measurement pair reached 0.822 (docs/benchmarks.md).
     */
    static final List<String> INTERACTING = List.of("soft_recall", "cosine", "lex_recall", "trigram_recall", "soft_precision",
            "unaligned", "function_words", "length", "concepts");

    /** The base measurements plus the products of every pair of {@link #INTERACTING} ones among them. */
    static List<String> withProducts(List<String> names) {
        List<String> all = new ArrayList<>(names);
        List<String> interacting = INTERACTING.stream().filter(names::contains).toList();
        for (int i = 0; i < interacting.size(); i++) {
            for (int j = i + 1; j < interacting.size(); j++) {
                all.add(interacting.get(i) + "*" + interacting.get(j));
            }
        }
        return List.copyOf(all);
    }

    /**
     * Measured and shown in explanations, but not weighed: leaving the misconception margin out
     * raised the development set's grouped accuracy (0.836 to 0.843) and moved SemEval by at most
     * 0.018 either way, and a bag of aligned words cannot tell "higher ... deterministic" said the
     * right way round from the misconception that reverses it.
     */
    static final List<String> UNFITTED = List.of("misconception_margin");

    static VerdictModel fitOn(List<String> measured, List<CalibrationData.Row> rows) {
        return fitOn(measured, rows, VerdictFit.Learner.AVERAGE);
    }

    /** Trees alone read the measurements as they are; a logistic model also gets the products of the main ones. */
    static VerdictModel fitOn(List<String> measured, List<CalibrationData.Row> rows, VerdictFit.Learner learner) {
        List<String> baseNames = measured.stream().filter(n -> !UNFITTED.contains(n)).toList();
        List<String> names = learner == VerdictFit.Learner.BOOSTED_TREES ? baseNames : withProducts(baseNames);
        List<VerdictFit.Example> examples = new ArrayList<>();
        for (CalibrationData.Row r : rows) {
            if (r.decided()) {
                continue;
            }
            boolean correct = r.label() == Verdict.CORRECT;
            Boolean partial = r.dev() && !correct ? r.label() == Verdict.PARTIAL : null;
            // a partial answer says nothing opposite: it teaches the contradiction model what is not one
            Boolean contradictory = correct ? null : r.contradictory();
            if (r.dev()) {
                examples.add(new VerdictFit.Example(select(names, r), correct, partial, contradictory, DEV_WEIGHT * SEMEVAL_COPIES));
            } else if (r.hasExamples()) {
                examples.add(new VerdictFit.Example(select(names, r), correct, partial, contradictory, 1));
                examples.add(new VerdictFit.Example(select(names, r.withoutExamples()), correct, partial, contradictory, 1));
            } else {
                examples.add(new VerdictFit.Example(select(names, r), correct, partial, contradictory, SEMEVAL_COPIES));
            }
        }
        return VerdictFit.fit(names, examples, learner);
    }

    /**
     * Every SemEval training answer counts twice: once beside the other graded answers to its
     * question, once as if its question were new (or twice as one row where it has no other
     * answers). The grader meets both: questions a team has reviewed and questions nobody has
     * graded yet, where it must weigh the reference alone. A development answer counts
     * {@link #DEV_WEIGHT} times a SemEval one, copies included.
     */
    static final int SEMEVAL_COPIES = 2;

    private static double[] select(List<String> names, CalibrationData.Row r) {
        return VerdictModel.select(names, AnswerAnalyzer.FEATURES, r.x());
    }

    static VerdictModel.Decision decide(VerdictModel model, CalibrationData.Row row) {
        if (row.decided()) {
            return new VerdictModel.Decision(Verdict.INCORRECT, 0, 0, 0, 0, 1);
        }
        return model.decide(model.select(AnswerAnalyzer.FEATURES, row.x()));
    }

    // ---------------------------------------------------------------- bench

    public static int bench(String[] args, PrintStream out, PrintStream err) {
        Options options = parse(args, err);
        if (options == null) {
            return 2;
        }
        QuestionBank bank = new QuestionBankLoader().load(options.bank());
        LabelledAnswers set = LabelledAnswers.read(options.devset(), bank, options.skipUnknown(), err);
        Map<String, VerdictModel> fitted = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "grading-bench: %d development answers over %d questions; %d folds, seed %d%n",
                set.items().size(), set.items().stream().map(i -> i.question().id()).distinct().count(), options.folds(), options.seed());
        for (SentenceModels.Load load : loadsWithConceptsOnly(options)) {
            String name = load.loaded().map(EmbeddingModel::name).orElse(VerdictWeights.CONCEPTS_ONLY);
            AnswerAnalyzer analyzer = new AnswerAnalyzer(load.loaded(), CALIBRATION_CACHE);
            long started = System.nanoTime();
            List<CalibrationData.Row> dev = CalibrationData.devset(analyzer, set);
            List<CalibrationData.Row> semeval = Files.isDirectory(options.semeval())
                    ? CalibrationData.semeval(analyzer, options.semeval()) : List.of();
            out.printf(Locale.ROOT, "%n=== model %s (%d + %d answers measured in %.0f s)%n", name, dev.size(), semeval.size(),
                    (System.nanoTime() - started) / 1e9);
            if (options.export() != null) {
                MeasurementExport.write(options.export(), name, dev, semeval);
                out.println("Wrote the measurements to " + MeasurementExport.file(options.export(), name) + ".");
            }
            benchDev(out, dev, semeval, options, AnswerAnalyzer.FEATURES, true);
            if (!semeval.isEmpty()) {
                benchSemEval(out, dev, semeval, AnswerAnalyzer.FEATURES, true);
            } else {
                out.println("SemEval data not found at " + options.semeval() + "; skipped.");
            }
            if (options.ablation() && load.loaded().isPresent()) {
                ablation(out, dev, semeval, options);
            }
            List<CalibrationData.Row> train = new ArrayList<>(semevalTrain(semeval));
            train.addAll(dev);
            fitted.put(name, fitOn(AnswerAnalyzer.FEATURES, train));
        }
        if (options.writeWeights()) {
            Map<String, String> provenance = provenance(args, options, set.items().size());
            new VerdictWeights(fitted, provenance).write(options.output());
            out.println("\nWrote " + options.output() + ", fitted on the same measurements as above (all development answers and the SemEval train splits).");
        }
        return 0;
    }

    private static List<CalibrationData.Row> semevalTrain(List<CalibrationData.Row> semeval) {
        return semeval.stream().filter(r -> r.source().endsWith("/train")).toList();
    }

    /** Predicted 3-way labels (0 correct, 1 partial, 2 incorrect) for the development set, grouped or not. */
    static int[] crossValidate(List<CalibrationData.Row> dev, List<CalibrationData.Row> semeval, List<String> names,
                               int k, long seed, boolean byQuestion) {
        return crossValidate(dev, semeval, names, k, seed, byQuestion, VerdictFit.Learner.AVERAGE);
    }

    static int[] crossValidate(List<CalibrationData.Row> dev, List<CalibrationData.Row> semeval, List<String> names,
                               int k, long seed, boolean byQuestion, VerdictFit.Learner learner) {
        int[] fold = byQuestion ? foldsByGroup(dev, k, seed) : foldsByRow(dev.size(), k, seed);
        int[] predicted = new int[dev.size()];
        List<CalibrationData.Row> extra = semevalTrain(semeval);
        for (int f = 0; f < k; f++) {
            List<CalibrationData.Row> train = new ArrayList<>(extra);
            for (int i = 0; i < dev.size(); i++) {
                if (fold[i] != f) {
                    train.add(dev.get(i));
                }
            }
            VerdictModel model = fitOn(names, train, learner);
            for (int i = 0; i < dev.size(); i++) {
                if (fold[i] == f) {
                    predicted[i] = decide(model, dev.get(i)).verdict().ordinal();
                }
            }
        }
        return predicted;
    }

    private static void benchDev(PrintStream out, List<CalibrationData.Row> dev, List<CalibrationData.Row> semeval,
                                 Options options, List<String> names, boolean baselines) {
        int[] truth = dev.stream().mapToInt(r -> r.label().ordinal()).toArray();
        out.printf(Locale.ROOT, "%nDevelopment set, %d-fold cross-validation (3-way: correct / partial / incorrect)%n", options.folds());
        out.println("  method                                    accuracy  macro-F1  wrong->correct  correct->incorrect");
        int[] grouped = crossValidate(dev, semeval, names, options.folds(), options.seed(), true);
        printDev(out, "quizbot, grouped by question", truth, grouped);
        if (!baselines) {
            return;
        }
        printDev(out, "quizbot, by answer", truth, crossValidate(dev, semeval, names, options.folds(), options.seed(), false));
        printDev(out, "boosted trees alone (grouped)", truth,
                crossValidate(dev, semeval, names, options.folds(), options.seed(), true, VerdictFit.Learner.BOOSTED_TREES));
        printDev(out, "logistic alone, previous learner (grouped)", truth,
                crossValidate(dev, semeval, names, options.folds(), options.seed(), true, VerdictFit.Learner.LOGISTIC));
        int[] fold = foldsByGroup(dev, options.folds(), options.seed());
        printDev(out, "majority class (grouped)", truth, baseline(dev, fold, options.folds(), train -> {
            int[] counts = new int[3];
            train.forEach(r -> counts[r.label().ordinal()]++);
            int best = counts[0] >= counts[1] && counts[0] >= counts[2] ? 0 : counts[1] >= counts[2] ? 1 : 2;
            return r -> best;
        }));
        for (String feature : List.of("lex_recall", "cosine")) {
            int at = AnswerAnalyzer.FEATURES.indexOf(feature);
            printDev(out, (feature.equals("lex_recall") ? "reference-word recall" : "raw model cosine") + " (grouped)", truth,
                    baseline(dev, fold, options.folds(), train -> twoThresholds(train, at)));
        }
        if (options.showErrors()) {
            out.println("\n  Errors of the grouped cross-validation (label -> predicted | kind | answer):");
            for (int i = 0; i < dev.size(); i++) {
                if (grouped[i] != truth[i]) {
                    CalibrationData.Row r = dev.get(i);
                    out.printf(Locale.ROOT, "    %-9s -> %-9s | %-14s | %s | %s%n", r.label().label(), Verdict.values()[grouped[i]].label(),
                            r.kind(), r.group(), r.answer().length() > 140 ? r.answer().substring(0, 140) + "…" : r.answer());
                }
            }
        }
    }

    private static void printDev(PrintStream out, String name, int[] truth, int[] predicted) {
        Metrics m = Metrics.of(truth, predicted, 3);
        int wrong = 0;
        int wrongAsCorrect = 0;
        int right = 0;
        int rightAsWrong = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == Verdict.INCORRECT.ordinal()) {
                wrong++;
                wrongAsCorrect += predicted[i] == Verdict.CORRECT.ordinal() ? 1 : 0;
            }
            if (truth[i] == Verdict.CORRECT.ordinal()) {
                right++;
                rightAsWrong += predicted[i] == Verdict.INCORRECT.ordinal() ? 1 : 0;
            }
        }
        out.printf(Locale.ROOT, "  %-40s  %8.3f  %8.3f  %6.1f%% (%d/%d)  %6.1f%% (%d/%d)%n", name, m.accuracy(), m.macroF1(),
                100.0 * wrongAsCorrect / Math.max(1, wrong), wrongAsCorrect, wrong,
                100.0 * rightAsWrong / Math.max(1, right), rightAsWrong, right);
    }

    /** A baseline fitted on the training folds of the development set, applied to the held-out fold. */
    private static int[] baseline(List<CalibrationData.Row> dev, int[] fold, int k,
                                  Function<List<CalibrationData.Row>, ToIntFunction<CalibrationData.Row>> fitter) {
        int[] predicted = new int[dev.size()];
        for (int f = 0; f < k; f++) {
            List<CalibrationData.Row> train = new ArrayList<>();
            for (int i = 0; i < dev.size(); i++) {
                if (fold[i] != f) {
                    train.add(dev.get(i));
                }
            }
            ToIntFunction<CalibrationData.Row> rule = fitter.apply(train);
            for (int i = 0; i < dev.size(); i++) {
                if (fold[i] == f) {
                    predicted[i] = rule.applyAsInt(dev.get(i));
                }
            }
        }
        return predicted;
    }

    /** One measurement, two cuts (partial at or above the first, correct at or above the second), chosen for training accuracy. */
    private static ToIntFunction<CalibrationData.Row> twoThresholds(List<CalibrationData.Row> train, int at) {
        double[] cuts = candidateCuts(train, at);
        double bestAccuracy = -1;
        double[] best = {0, 0};
        for (int a = 0; a < cuts.length; a++) {
            for (int b = a; b < cuts.length; b++) {
                double low = cuts[a];
                double high = cuts[b];
                int right = 0;
                for (CalibrationData.Row r : train) {
                    right += threeWay(r, at, low, high) == r.label().ordinal() ? 1 : 0;
                }
                if (right > bestAccuracy) {
                    bestAccuracy = right;
                    best = new double[] {low, high};
                }
            }
        }
        double low = best[0];
        double high = best[1];
        return r -> threeWay(r, at, low, high);
    }

    private static int threeWay(CalibrationData.Row r, int at, double low, double high) {
        if (r.decided()) {
            return Verdict.INCORRECT.ordinal();
        }
        double v = r.x()[at];
        return v >= high ? Verdict.CORRECT.ordinal() : v >= low ? Verdict.PARTIAL.ordinal() : Verdict.INCORRECT.ordinal();
    }

    private static double[] candidateCuts(List<CalibrationData.Row> train, int at) {
        double[] values = train.stream().filter(r -> !r.decided()).mapToDouble(r -> r.x()[at]).sorted().toArray();
        int n = 60;
        double[] cuts = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            cuts[i] = values.length == 0 ? 0 : values[Math.min(values.length - 1, (int) ((long) i * values.length / n))];
        }
        return java.util.Arrays.stream(cuts).distinct().toArray();
    }

    /** One cut on a measurement for correct vs not, chosen for accuracy on the training answers. */
    private static double oneThreshold(List<CalibrationData.Row> train, int at) {
        double best = 0;
        int bestRight = -1;
        for (double cut : candidateCuts(train, at)) {
            int right = 0;
            for (CalibrationData.Row r : train) {
                boolean said = !r.decided() && r.x()[at] >= cut;
                right += said == (r.label() == Verdict.CORRECT) ? 1 : 0;
            }
            if (right > bestRight) {
                bestRight = right;
                best = cut;
            }
        }
        return best;
    }

    private static void benchSemEval(PrintStream out, List<CalibrationData.Row> dev, List<CalibrationData.Row> semeval,
                                     List<String> names, boolean baselines) {
        List<CalibrationData.Row> train = new ArrayList<>(semevalTrain(semeval));
        train.addAll(dev);
        VerdictModel model = fitOn(names, train);
        VerdictModel trees = baselines ? fitOn(names, train, VerdictFit.Learner.BOOSTED_TREES) : model;
        VerdictModel logistic = baselines ? fitOn(names, train, VerdictFit.Learner.LOGISTIC) : model;
        out.println("\nSemEval-2013 Task 7 test splits (fitted on the train splits and the development set; baselines on the corpus's train split)");
        out.println("  corpus / split                         answers | 2-way acc  F1   | recall  cosine  majority  trees  logistic | 3-way acc  F1   contra-recall | majority");
        Map<String, List<CalibrationData.Row>> bySource = new LinkedHashMap<>();
        semeval.forEach(r -> bySource.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r));
        for (var entry : bySource.entrySet()) {
            if (entry.getKey().endsWith("/train")) {
                continue;
            }
            String corpus = entry.getKey().substring(0, entry.getKey().indexOf('/'));
            List<CalibrationData.Row> corpusTrain = semeval.stream().filter(r -> r.source().equals(corpus + "/train")).toList();
            List<CalibrationData.Row> test = entry.getValue();
            int[] truth2 = test.stream().mapToInt(r -> r.label() == Verdict.CORRECT ? 1 : 0).toArray();
            int[] truth3 = test.stream().mapToInt(r -> r.label() == Verdict.CORRECT ? 0 : r.contradictory() ? 1 : 2).toArray();
            List<VerdictModel.Decision> decisions = test.stream().map(r -> decide(model, r)).toList();
            int[] said2 = decisions.stream().mapToInt(d -> d.verdict() == Verdict.CORRECT ? 1 : 0).toArray();
            int[] said3 = decisions.stream().mapToInt(d -> d.verdict() == Verdict.CORRECT ? 0
                    : d.saysOpposite() ? 1 : 2).toArray();
            Metrics two = Metrics.of(truth2, said2, 2);
            Metrics three = Metrics.of(truth3, said3, 3);
            if (!baselines) {
                out.printf(Locale.ROOT, "  %-38s %7d | %9.3f  %.3f%n", entry.getKey(), test.size(), two.accuracy(), two.macroF1());
                continue;
            }
            double recallCut = oneThreshold(corpusTrain, AnswerAnalyzer.FEATURES.indexOf("lex_recall"));
            double cosineCut = oneThreshold(corpusTrain, AnswerAnalyzer.FEATURES.indexOf("cosine"));
            double recall = twoWayAccuracy(test, AnswerAnalyzer.FEATURES.indexOf("lex_recall"), recallCut);
            double cosine = twoWayAccuracy(test, AnswerAnalyzer.FEATURES.indexOf("cosine"), cosineCut);
            long trainCorrect = corpusTrain.stream().filter(r -> r.label() == Verdict.CORRECT).count();
            boolean majorityCorrect = trainCorrect * 2 > corpusTrain.size();
            double majority2 = java.util.Arrays.stream(truth2).filter(t -> (t == 1) == majorityCorrect).count() / (double) truth2.length;
            int[] counts3 = new int[3];
            corpusTrain.forEach(r -> counts3[r.label() == Verdict.CORRECT ? 0 : r.contradictory() ? 1 : 2]++);
            int major3 = counts3[0] >= counts3[1] && counts3[0] >= counts3[2] ? 0 : counts3[1] >= counts3[2] ? 1 : 2;
            double majority3 = java.util.Arrays.stream(truth3).filter(t -> t == major3).count() / (double) truth3.length;
            double trees2 = twoWayAccuracy(trees, test);
            double logistic2 = twoWayAccuracy(logistic, test);
            out.printf(Locale.ROOT, "  %-38s %7d | %9.3f  %.3f | %6.3f  %6.3f  %8.3f  %5.3f  %8.3f | %9.3f  %.3f  %13.3f | %8.3f%n",
                    entry.getKey(), test.size(), two.accuracy(), two.macroF1(), recall, cosine, majority2, trees2, logistic2,
                    three.accuracy(), three.macroF1(), three.recall()[1], majority3);
        }
    }

    private static double twoWayAccuracy(VerdictModel model, List<CalibrationData.Row> test) {
        return test.stream().filter(r -> (decide(model, r).verdict() == Verdict.CORRECT) == (r.label() == Verdict.CORRECT))
                .count() / (double) test.size();
    }

    private static double twoWayAccuracy(List<CalibrationData.Row> test, int at, double cut) {
        int right = 0;
        for (CalibrationData.Row r : test) {
            boolean said = !r.decided() && r.x()[at] >= cut;
            right += said == (r.label() == Verdict.CORRECT) ? 1 : 0;
        }
        return right / (double) test.size();
    }

    private static void ablation(PrintStream out, List<CalibrationData.Row> dev, List<CalibrationData.Row> semeval, Options options) {
        out.println("\nAblation: each group of measurements left out, refitted the same way");
        out.println("  left out                 dev grouped 3-way  | SemEval 2-way accuracy per test split");
        List<String> sources = semeval.stream().map(CalibrationData.Row::source).filter(s -> !s.endsWith("/train")).distinct().toList();
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("(nothing)", List.of());
        variants.putAll(ABLATIONS);
        for (var variant : variants.entrySet()) {
            List<String> names = AnswerAnalyzer.FEATURES.stream().filter(n -> !variant.getValue().contains(n)).toList();
            int[] truth = dev.stream().mapToInt(r -> r.label().ordinal()).toArray();
            int[] grouped = crossValidate(dev, semeval, names, options.folds(), options.seed(), true);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s %8.3f           |", variant.getKey(),
                    Metrics.of(truth, grouped, 3).accuracy()));
            if (!semeval.isEmpty()) {
                List<CalibrationData.Row> train = new ArrayList<>(semevalTrain(semeval));
                train.addAll(dev);
                VerdictModel model = fitOn(names, train);
                for (String source : sources) {
                    List<CalibrationData.Row> test = semeval.stream().filter(r -> r.source().equals(source)).toList();
                    long right = test.stream().filter(r -> (decide(model, r).verdict() == Verdict.CORRECT) == (r.label() == Verdict.CORRECT)).count();
                    line.append(String.format(Locale.ROOT, " %s %.3f", source.replace("test-unseen-", "").replace("sciEntsBank", "SEB"),
                            right / (double) test.size()));
                }
            }
            out.println(line);
        }
    }

    static int[] foldsByGroup(List<CalibrationData.Row> rows, int k, long seed) {
        List<String> groups = new ArrayList<>(rows.stream().map(CalibrationData.Row::group).distinct().sorted().toList());
        Collections.shuffle(groups, new Random(seed));
        Map<String, Integer> foldOf = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            foldOf.put(groups.get(i), i % k);
        }
        return rows.stream().mapToInt(r -> foldOf.get(r.group())).toArray();
    }

    static int[] foldsByRow(int n, int k, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order.get(i)] = i % k;
        }
        return fold;
    }

    private static List<SentenceModels.Load> loadsWithConceptsOnly(Options options) {
        List<SentenceModels.Load> loads = new ArrayList<>();
        for (SentenceModel model : options.models()) {
            SentenceModels.Load load = SentenceModels.load(model);
            if (load.loaded().isPresent()) {
                loads.add(load);
            }
        }
        loads.add(SentenceModels.load(SentenceModel.NONE));
        return loads;
    }

    static Options parse(String[] args, PrintStream err) {
        Path devset = Path.of("src/test/resources/grading/devset.jsonl");
        Path bank = Path.of("questions");
        Path output = Path.of("src/main/resources/grading/weights.json");
        Path semeval = Path.of("../shared/benchmarks/semeval2013");
        List<SentenceModel> models = List.of(SentenceModel.ALL_MINILM_L6_V2_Q);
        int folds = 5;
        long seed = 42;
        boolean skipUnknown = false;
        boolean showErrors = false;
        boolean ablation = false;
        boolean writeWeights = false;
        Path export = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--skip-unknown" -> { skipUnknown = true; continue; }
                case "--show-errors" -> { showErrors = true; continue; }
                case "--ablation" -> { ablation = true; continue; }
                case "--write-weights" -> { writeWeights = true; continue; }
                default -> { }
            }
            if (i + 1 >= args.length) {
                err.println("Option " + arg + " needs a value.\n" + usage());
                return null;
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--devset" -> devset = Path.of(value);
                    case "--bank" -> bank = Path.of(value);
                    case "--output" -> output = Path.of(value);
                    case "--semeval" -> semeval = Path.of(value);
                    case "--folds" -> folds = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--export" -> export = Path.of(value);
                    case "--models" -> {
                        List<SentenceModel> chosen = new ArrayList<>();
                        for (String name : value.split(",")) {
                            var model = SentenceModel.parse(name).filter(m -> m != SentenceModel.NONE);
                            if (model.isEmpty()) {
                                err.println("Unknown model '" + name + "'; use all-minilm-l6-v2-q and/or bge-small-en-v15-q.");
                                return null;
                            }
                            chosen.add(model.get());
                        }
                        models = chosen;
                    }
                    default -> {
                        err.println("Unknown option '" + arg + "'.\n" + usage());
                        return null;
                    }
                }
            } catch (NumberFormatException e) {
                err.println("Option " + arg + " needs a whole number, not '" + value + "'.");
                return null;
            }
        }
        if (folds < 2) {
            err.println("--folds must be at least 2.");
            return null;
        }
        if (!Files.isReadable(devset)) {
            err.println("Cannot read the development set " + devset + ".");
            return null;
        }
        return new Options(devset, bank, output, semeval, models, folds, seed, skipUnknown, showErrors, ablation, writeWeights, export);
    }

    static String usage() {
        return """
                Usage: quizbot grading-fit   [--devset FILE] [--bank DIR] [--semeval DIR] [--output FILE] [--models a,b] [--skip-unknown]
                       quizbot grading-bench [--devset FILE] [--bank DIR] [--semeval DIR] [--models a,b] [--folds K] [--seed N]
                                             [--ablation] [--show-errors] [--skip-unknown] [--write-weights [--output FILE]]
                                             [--export DIR]
                  Defaults: --devset src/test/resources/grading/devset.jsonl --bank questions
                            --output src/main/resources/grading/weights.json --semeval ../shared/benchmarks/semeval2013
                            --models all-minilm-l6-v2-q --folds 5 --seed 42""";
    }

    private static String sha256(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
