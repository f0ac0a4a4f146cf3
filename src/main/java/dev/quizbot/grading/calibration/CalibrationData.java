package dev.quizbot.grading.calibration;

import dev.quizbot.grading.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.bank.Question;
import tools.jackson.databind.JsonNode;

/**
 * Human-graded answers measured once for fitting and benchmarking: our development set and the
 * public SemEval-2013 Task 7 data (SciEntsBank and Beetle, CC BY-SA 3.0), each answer analysed
 * exactly as the grader analyses it at run time.
 */
final class CalibrationData {

    /** Development-set kinds whose incorrect answers state the opposite of a fact (SemEval's "contradictory"). */
    static final Set<String> CONTRADICTING_KINDS = Set.of("wrong-fact", "contradiction", "negation", "misconception",
            "reversed", "swap", "swapped");

    /**
     * One graded answer. {@code x} is null when the screen or the language check decided it
     * (nothing to grade), which the grader always grades incorrect.
     *
     * @param group    the question it answers: folds never split a group
     * @param source   {@code devset}, or the SemEval corpus and split ("sciEntsBank/test-unseen-questions")
     * @param label    correct, partial or incorrect (SemEval's 2-way labels have no partial)
     * @param contradictory SemEval's 3-way "contradictory", or a development-set answer of a contradicting kind
     */
    record Row(String group, String source, String kind, String answer, double[] x, Verdict label, boolean contradictory) {

        boolean decided() {
            return x == null;
        }

        boolean dev() {
            return source.equals("devset");
        }

        boolean hasExamples() {
            return x != null && x[HAS_EXAMPLES] == 1;
        }

        /** The same answer measured as if its question had no settled answers yet (a new question). */
        Row withoutExamples() {
            if (x == null) {
                return this;
            }
            double[] without = x.clone();
            java.util.Arrays.fill(without, FIRST_EXAMPLE, FIRST_EXAMPLE + AnswerAnalyzer.EXAMPLE_FEATURES.size(), 0);
            return new Row(group, source, kind, answer, without, label, contradictory);
        }
    }

    private static final int FIRST_EXAMPLE = AnswerAnalyzer.FEATURES.indexOf(AnswerAnalyzer.EXAMPLE_FEATURES.get(0));
    private static final int HAS_EXAMPLES = AnswerAnalyzer.FEATURES.indexOf("has_examples");

    private record Raw(String group, String source, String kind, Question question, String answer, Verdict label,
                       boolean contradictory, SettledAnswers examples) {
    }

    private CalibrationData() {
    }

    static List<Row> devset(AnswerAnalyzer analyzer, LabelledAnswers set) {
        List<Raw> raw = set.items().stream().map(i -> new Raw(i.question().id(), "devset", i.kind(), i.question(), i.answer(),
                i.label(), i.label() == Verdict.INCORRECT && CONTRADICTING_KINDS.contains(i.kind()),
                SettledAnswers.NONE)).toList();
        return measure(analyzer, raw);
    }

    /** Every answer of the SemEval files found in {@code folder}, all splits (the caller keeps test splits out of fitting). */
    static List<Row> semeval(AnswerAnalyzer analyzer, Path folder) {
        List<Raw> raw = new ArrayList<>();
        for (String corpus : List.of("sciEntsBank", "beetle")) {
            Path file = folder.resolve(corpus + ".jsonl");
            if (Files.isReadable(file)) {
                raw.addAll(read(corpus, file));
            }
        }
        return measure(analyzer, raw);
    }

    private static List<Row> measure(AnswerAnalyzer analyzer, List<Raw> raw) {
        MeasurementCache cache = MeasurementCache.open(analyzer);
        List<Row> rows = raw.parallelStream().map(r -> {
            String key = MeasurementCache.key(r.source(), r.question(), r.answer(), r.examples());
            double[] x = cache.get(key).orElseGet(() -> {
                AnswerAnalyzer.Analysis analysis = analyzer.analyze(r.question(), r.answer(), r.examples());
                double[] measured = analysis.features().orElse(MeasurementCache.DECIDED);
                cache.put(key, measured);
                return measured;
            });
            return new Row(r.group(), r.source(), r.kind(), r.answer(), x == MeasurementCache.DECIDED ? null : x, r.label(),
                    r.contradictory());
        }).toList();
        cache.save();
        return rows;
    }

    /**
     * SemEval's answers with the settled answers each may be compared with, as its authors split
     * the data: an answer of the train split sees the other train answers to its question, an
     * answer of the unseen-answers test split sees all of them (that split's questions are in
     * train), and the unseen-questions and unseen-domains splits see none.
     */
    private static List<Raw> read(String corpus, Path file) {
        List<Raw> plain = readPlain(corpus, file);
        Map<String, List<Integer>> trainOf = new LinkedHashMap<>();
        for (int i = 0; i < plain.size(); i++) {
            if (plain.get(i).source().endsWith("/train")) {
                trainOf.computeIfAbsent(plain.get(i).group(), g -> new ArrayList<>()).add(i);
            }
        }
        List<Raw> raw = new ArrayList<>(plain.size());
        for (int i = 0; i < plain.size(); i++) {
            Raw r = plain.get(i);
            boolean sees = r.source().endsWith("/train") || r.source().endsWith("/test-unseen-answers");
            SettledAnswers examples = SettledAnswers.NONE;
            if (sees) {
                List<String> right = new ArrayList<>();
                List<String> wrong = new ArrayList<>();
                for (int j : trainOf.getOrDefault(r.group(), List.of())) {
                    if (j != i) {
                        (plain.get(j).label() == Verdict.CORRECT ? right : wrong).add(plain.get(j).answer());
                    }
                }
                examples = new SettledAnswers(right, wrong);
            }
            raw.add(new Raw(r.group(), r.source(), r.kind(), r.question(), r.answer(), r.label(), r.contradictory(), examples));
        }
        return raw;
    }

    private static List<Raw> readPlain(String corpus, Path file) {
        List<Raw> raw = new ArrayList<>();
        Map<String, Question> questions = new LinkedHashMap<>();
        try (var lines = Files.lines(file)) {
            lines.filter(l -> !l.isBlank()).forEach(line -> {
                JsonNode node = VerdictWeights.json().readTree(line);
                String split = node.path("split").asString();
                String reference = node.path("reference_answer").asString();
                String id = corpus + "/" + node.path("question_id").asString();
                Question question = questions.computeIfAbsent(split + "/" + id, key -> {
                    List<String> accept = new ArrayList<>();
                    node.path("reference_answers").forEach(r -> {
                        String text = r.path("text").asString("");
                        if (!text.isBlank() && !text.equals(reference) && !accept.contains(text)) {
                            accept.add(text);
                        }
                    });
                    return new Question(id, "semeval", Difficulty.MEDIUM, node.path("question").asString(), reference,
                            List.of(), accept, List.of());
                });
                String label = node.path("label_3way").asString(node.path("label").asString());
                raw.add(new Raw(id, corpus + "/" + split, label, question, node.path("student_answer").asString(""),
                        "correct".equals(label) ? Verdict.CORRECT : Verdict.INCORRECT, "contradictory".equals(label),
                        SettledAnswers.NONE));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return raw;
    }
}
