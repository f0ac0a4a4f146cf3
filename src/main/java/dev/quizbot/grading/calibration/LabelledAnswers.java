package dev.quizbot.grading.calibration;

import dev.quizbot.grading.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;
import tools.jackson.databind.JsonNode;

/** The labelled development set: one JSON object per line ({@code question_id}, {@code answer}, {@code label}, {@code kind}). */
public record LabelledAnswers(List<Item> items) {

    public record Item(Question question, String answer, Verdict label, String kind) {
    }

    public static LabelledAnswers read(Path file, QuestionBank bank) {
        return read(file, bank, false, System.err);
    }

    /** With {@code skipUnknown}, answers to questions the bank lacks are counted and left out instead of failing. */
    static LabelledAnswers read(Path file, QuestionBank bank, boolean skipUnknown, java.io.PrintStream warnings) {
        java.util.Map<String, Integer> skipped = new java.util.TreeMap<>();
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = VerdictWeights.json().readTree(line);
                String id = node.path("question_id").asString("");
                var question = bank.question(id);
                String label = node.path("label").asString("");
                var verdict = Arrays.stream(Verdict.values()).filter(v -> v.label().equals(label)).findFirst();
                if (question.isEmpty() && skipUnknown) {
                    skipped.merge(id, 1, Integer::sum);
                } else if (question.isEmpty()) {
                    problems.add("line " + (i + 1) + ": unknown question_id '" + id + "'");
                } else if (verdict.isEmpty()) {
                    problems.add("line " + (i + 1) + ": label must be correct, partial or incorrect, was '" + label + "'");
                } else {
                    items.add(new Item(question.get(), node.path("answer").asString(""), verdict.get(),
                            node.path("kind").asString("unspecified")));
                }
            } catch (RuntimeException e) {
                problems.add("line " + (i + 1) + ": not a JSON object (" + e.getMessage() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + " has " + problems.size() + " bad lines:\n  " + String.join("\n  ", problems));
        }
        if (!skipped.isEmpty()) {
            warnings.println("Skipped answers to questions not in the bank: " + skipped);
        }
        return new LabelledAnswers(items);
    }
}
