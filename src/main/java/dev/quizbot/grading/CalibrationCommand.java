package dev.quizbot.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code grading-fit} writes {@code grading/weights.json} from the labelled development set;
 * {@code grading-bench} reports how well the procedure generalises (nested cross-validation
 * on the development set) and, when the public SemEval-2013 data is present, how the bundled
 * weights agree with its human labels (never trained on).
 */
final class CalibrationCommand {

    record Options(Path devset, Path bank, Path output, Path semeval, List<SentenceModel> models, int folds, long seed, boolean skipUnknown, boolean showErrors) {
    }

    private CalibrationCommand() {
    }

    static int fit(String[] args, PrintStream out, PrintStream err) {
        Options options = parse(args, err);
        if (options == null) {
            return 2;
        }
        QuestionBank bank = new QuestionBankLoader().load(options.bank());
        LabelledAnswers set = LabelledAnswers.read(options.devset(), bank, options.skipUnknown(), err);
        Map<String, VerdictModel> models = new LinkedHashMap<>();
        Map<String, JsonNode> provenance = new LinkedHashMap<>();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        provenance.put("procedure", nodes.stringNode("multinomial logistic regression, L2 strength chosen from "
                + java.util.Arrays.toString(Calibration.LAMBDAS) + " by stratified " + Calibration.INNER_FOLDS
                + "-fold cross-validation (held-out log-loss), then fitted on every answer the screen does not decide"));
        provenance.put("command", nodes.stringNode("java -jar target/quizbot.jar grading-fit " + String.join(" ", args)));
        provenance.put("devset", nodes.stringNode(options.devset().toString().replace('\\', '/')));
        provenance.put("devset_sha256", nodes.stringNode(sha256(options.devset())));
        provenance.put("answers", nodes.numberNode(set.items().size()));
        provenance.put("seed", nodes.numberNode(options.seed()));

        List<SentenceModels.Load> loads = loadsWithConceptsOnly(options);
        for (SentenceModels.Load load : loads) {
            String name = load.loaded().map(EmbeddingModel::name).orElse(FittedWeights.CONCEPTS_ONLY);
            AnswerAnalyzer analyzer = new AnswerAnalyzer(load.loaded(), ReferenceEmbeddingStore.inMemoryOnly());
            List<String> names = Calibration.featureNames(load.loaded().isPresent());
            Calibration.Fit fit = Calibration.fit(names, Calibration.rows(analyzer, set), options.seed());
            models.put(name, fit.model());
            provenance.put("lambda_" + name, nodes.numberNode(fit.lambda()));
            out.printf(Locale.ROOT, "%-20s lambda %.4f, inner CV accuracy %.3f%n", name, fit.lambda(), fit.innerAccuracy());
        }
        FittedWeights.write(options.output(), models, provenance);
        out.println("Wrote " + options.output() + " (" + set.items().size() + " labelled answers).");
        return 0;
    }

    static int bench(String[] args, PrintStream out, PrintStream err) {
        Options options = parse(args, err);
        if (options == null) {
            return 2;
        }
        QuestionBank bank = new QuestionBankLoader().load(options.bank());
        LabelledAnswers set = LabelledAnswers.read(options.devset(), bank, options.skipUnknown(), err);
        out.printf(Locale.ROOT, "Development set %s: %d answers over %d questions; %d-fold stratified CV, seed %d%n",
                options.devset(), set.items().size(),
                set.items().stream().map(i -> i.question().id()).distinct().count(), options.folds(), options.seed());
        List<SentenceModels.Load> loads = loadsWithConceptsOnly(options);
        for (SentenceModels.Load load : loads) {
            String name = load.loaded().map(EmbeddingModel::name).orElse(FittedWeights.CONCEPTS_ONLY);
            AnswerAnalyzer analyzer = new AnswerAnalyzer(load.loaded(), ReferenceEmbeddingStore.inMemoryOnly());
            List<Calibration.Row> rows = Calibration.rows(analyzer, set);
            int[] predicted = Calibration.crossValidate(Calibration.featureNames(load.loaded().isPresent()), rows, options.folds(), options.seed());
            int[] truth = rows.stream().mapToInt(Calibration.Row::label).toArray();
            report(out, name, rows, truth, predicted);
            if (options.showErrors()) {
                for (int i = 0; i < rows.size(); i++) {
                    if (truth[i] != predicted[i]) {
                        var item = rows.get(i).item();
                        out.printf(Locale.ROOT, "  [%s] %s -> %s  %s: %s%n", item.kind(), item.label().label(),
                                VerdictModel.CLASSES.get(predicted[i]).label(), item.question().id(),
                                item.answer().length() > 160 ? item.answer().substring(0, 160) + "..." : item.answer());
                    }
                }
            }
        }
        if (Files.isDirectory(options.semeval())) {
            for (SentenceModels.Load load : loads.subList(0, loads.size() - 1)) {
                SemEval.report(out, options.semeval(), CombinedGrader.create(load, ReferenceEmbeddingStore.inMemoryOnly()),
                        load.loaded().orElseThrow().name());
            }
        } else {
            out.println("\nSemEval-2013: " + options.semeval() + " not found; skipped.");
        }
        return 0;
    }

    /** The chosen sentence models, then "concepts only" last: each gets its own fitted verdict model. */
    private static List<SentenceModels.Load> loadsWithConceptsOnly(Options options) {
        List<SentenceModels.Load> loads = new ArrayList<>();
        for (SentenceModel choice : options.models()) {
            loads.add(SentenceModels.load(choice));
        }
        loads.add(new SentenceModels.Load.Unavailable("concepts only"));
        return loads;
    }

    private static void report(PrintStream out, String name, List<Calibration.Row> rows, int[] truth, int[] predicted) {
        Calibration.Scores scores = Calibration.Scores.of(truth, predicted, VerdictModel.CLASSES.size());
        out.printf(Locale.ROOT, "%n== %s ==%n3-way accuracy %.3f, macro-F1 %.3f%n", name, scores.accuracy(), scores.macroF1());
        out.println("confusion (rows: label, columns: predicted)  incorrect  partial  correct");
        for (int c = 0; c < VerdictModel.CLASSES.size(); c++) {
            int[] row = scores.confusion()[c];
            out.printf(Locale.ROOT, "  %-42s %9d %8d %8d%n", VerdictModel.CLASSES.get(c).label(), row[0], row[1], row[2]);
        }
        Map<String, int[]> byKind = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int[] counts = byKind.computeIfAbsent(rows.get(i).item().kind(), k -> new int[2]);
            counts[1]++;
            if (truth[i] == predicted[i]) {
                counts[0]++;
            }
        }
        StringBuilder kinds = new StringBuilder("by kind:");
        byKind.forEach((kind, c) -> kinds.append(String.format(Locale.ROOT, " %s %d/%d;", kind, c[0], c[1])));
        out.println(kinds);
        int denial = Features.CONCEPT_FEATURES.indexOf("denial");
        out.println("checks fire on (labelled incorrect / partial / correct): contradiction "
                + firing(rows, Calibration.Row::contradicted) + ", denial " + firing(rows, r -> r.x()[denial] == 1));
    }

    /** How many of the answers the weights see a check fires on, by human label. */
    private static String firing(List<Calibration.Row> rows, java.util.function.Predicate<Calibration.Row> fires) {
        int[] byLabel = new int[VerdictModel.CLASSES.size()];
        rows.stream().filter(r -> !r.screened()).filter(fires).forEach(r -> byLabel[r.label()]++);
        return byLabel[0] + " / " + byLabel[1] + " / " + byLabel[2];
    }

    static Options parse(String[] args, PrintStream err) {
        Path devset = Path.of("src/test/resources/grading/devset.jsonl");
        Path bank = Path.of("questions");
        Path output = Path.of("src/main/resources/grading/weights.json");
        Path semeval = Path.of("../shared/benchmarks/semeval2013");
        List<SentenceModel> models = List.of(SentenceModel.ALL_MINILM_L6_V2_Q, SentenceModel.BGE_SMALL_EN_V15_Q);
        int folds = 10;
        long seed = 42;
        boolean skipUnknown = false;
        boolean showErrors = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--skip-unknown")) {
                skipUnknown = true;
                continue;
            }
            if (arg.equals("--show-errors")) {
                showErrors = true;
                continue;
            }
            if (i + 1 >= args.length) {
                err.println("Option " + arg + " needs a value.\n" + usage());
                return null;
            }
            String value = args[++i];
            switch (arg) {
                case "--devset" -> devset = Path.of(value);
                case "--bank" -> bank = Path.of(value);
                case "--output" -> output = Path.of(value);
                case "--semeval" -> semeval = Path.of(value);
                case "--folds" -> folds = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
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
        }
        if (!Files.isReadable(devset)) {
            err.println("Cannot read the development set " + devset + ".");
            return null;
        }
        return new Options(devset, bank, output, semeval, models, folds, seed, skipUnknown, showErrors);
    }

    static String usage() {
        return """
                Usage: quizbot grading-fit   [--devset FILE] [--bank DIR] [--output FILE] [--models a,b] [--seed N] [--skip-unknown]
                       quizbot grading-bench [--devset FILE] [--bank DIR] [--semeval DIR] [--models a,b] [--folds K] [--seed N] [--skip-unknown] [--show-errors]
                  Defaults: --devset src/test/resources/grading/devset.jsonl --bank questions
                            --output src/main/resources/grading/weights.json --semeval ../shared/benchmarks/semeval2013
                            --models all-minilm-l6-v2-q,bge-small-en-v15-q --folds 10 --seed 42""";
    }

    private static String sha256(Path file) {
        try {
            return ReferenceEmbeddings.sha256(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
