package dev.quizbot.grading;

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
    }

    private record Raw(String group, String source, String kind, Question question, String answer, Verdict label,
                       boolean contradictory) {
    }

    private CalibrationData() {
    }

    static List<Row> devset(AnswerAnalyzer analyzer, LabelledAnswers set) {
        List<Raw> raw = set.items().stream().map(i -> new Raw(i.question().id(), "devset", i.kind(), i.question(), i.answer(),
                i.label(), i.label() == Verdict.INCORRECT && CONTRADICTING_KINDS.contains(i.kind()))).toList();
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
            String key = MeasurementCache.key(r.source(), r.question(), r.answer());
            double[] x = cache.get(key).orElseGet(() -> {
                AnswerAnalyzer.Analysis analysis = analyzer.analyze(r.question(), r.answer());
                double[] measured = analysis.screened().nothingToGrade().isPresent() || analysis.otherLanguage().isPresent()
                        ? MeasurementCache.DECIDED : analysis.features().orElseThrow();
                cache.put(key, measured);
                return measured;
            });
            return new Row(r.group(), r.source(), r.kind(), r.answer(), x == MeasurementCache.DECIDED ? null : x, r.label(),
                    r.contradictory());
        }).toList();
        cache.save();
        return rows;
    }

    private static List<Raw> read(String corpus, Path file) {
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
                        "correct".equals(label) ? Verdict.CORRECT : Verdict.INCORRECT, "contradictory".equals(label)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return raw;
    }
}
