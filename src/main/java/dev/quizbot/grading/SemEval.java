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

import dev.quizbot.bank.Difficulty;
import dev.quizbot.bank.Question;
import tools.jackson.databind.JsonNode;

/**
 * Agreement with the human labels of SemEval-2013 Task 7 (SciEntsBank, Beetle) on its test
 * splits. The items have no curated concepts, so the grader derives them from the reference;
 * the extra reference answers count as accepted answers. Nothing here is trained on.
 */
final class SemEval {

    private record Item(Question question, String answer, boolean correct) {
    }

    private SemEval() {
    }

    static void report(PrintStream out, Path folder, Grader grader, String modelName) {
        out.printf(Locale.ROOT, "%nSemEval-2013 Task 7 test splits, model %s (verdict correct vs not; r between score and the 2-way label)%n", modelName);
        out.println("  corpus / split                          answers  2-way acc  macro-F1  majority  Pearson r");
        for (String corpus : List.of("sciEntsBank", "beetle")) {
            Path file = folder.resolve(corpus + ".jsonl");
            if (!Files.isReadable(file)) {
                continue;
            }
            read(file).forEach((split, items) -> {
                if (!split.startsWith("test")) {
                    return;
                }
                List<Grade> grades = items.parallelStream().map(i -> grader.grade(i.question(), i.answer())).toList();
                int[] truth = items.stream().mapToInt(i -> i.correct() ? 1 : 0).toArray();
                int[] predicted = grades.stream().mapToInt(g -> g.verdict() == Verdict.CORRECT ? 1 : 0).toArray();
                double[] scores = grades.stream().mapToDouble(Grade::score).toArray();
                Calibration.Scores s = Calibration.Scores.of(truth, predicted, 2);
                long positives = java.util.Arrays.stream(truth).filter(t -> t == 1).count();
                double majority = Math.max(positives, truth.length - positives) / (double) truth.length;
                out.printf(Locale.ROOT, "  %-38s %8d  %9.3f  %8.3f  %8.3f  %9.3f%n", corpus + " / " + split, truth.length,
                        s.accuracy(), s.macroF1(), majority, pearson(scores, truth));
            });
        }
    }

    private static Map<String, List<Item>> read(Path file) {
        Map<String, List<Item>> bySplit = new LinkedHashMap<>();
        Map<String, Question> questions = new LinkedHashMap<>();
        try (var lines = Files.lines(file)) {
            lines.filter(l -> !l.isBlank()).forEach(line -> {
                JsonNode node = FittedWeights.json().readTree(line);
                String split = node.path("split").asString();
                String reference = node.path("reference_answer").asString();
                Question question = questions.computeIfAbsent(split + "/" + node.path("question_id").asString(), id -> {
                    List<String> accept = new ArrayList<>();
                    node.path("reference_answers").forEach(r -> {
                        String text = r.path("text").asString("");
                        if (!text.isBlank() && !text.equals(reference)) {
                            accept.add(text);
                        }
                    });
                    return new Question(node.path("question_id").asString(), "semeval", Difficulty.MEDIUM,
                            node.path("question").asString(), reference, List.of(), accept, List.of());
                });
                bySplit.computeIfAbsent(split, s -> new ArrayList<>()).add(new Item(question,
                        node.path("student_answer").asString(""), "correct".equals(node.path("label_2way").asString())));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bySplit;
    }

    static double pearson(double[] x, int[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / (double) n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
