package dev.quizbot.grading;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.quizbot.bank.Concept;
import dev.quizbot.bank.Question;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code grade --input answers.jsonl [--output out.jsonl] [--model NAME]}: grades answers from a
 * file so a team can audit grading before trusting it. A bad line becomes an error object on
 * its own output line; the others are still graded.
 */
final class GradeCommand {

    static final int MAX_LINE_LENGTH = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Grader grader;

    GradeCommand(Grader grader) {
        this.grader = grader;
    }

    /** Grades every line of {@code in} onto {@code out}; returns how many lines were errors. */
    int run(BufferedReader in, BufferedWriter out) throws IOException {
        int errors = 0;
        int n = 0;
        for (String line; (line = in.readLine()) != null; ) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result;
            try {
                result = grade(line);
            } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
                errors++;
                result = JSON.createObjectNode();
                result.put("line", n);
                result.put("error", e instanceof tools.jackson.core.JacksonException j ? "not valid JSON: " + j.getOriginalMessage() : e.getMessage());
            }
            out.write(JSON.writeValueAsString(result));
            out.newLine();
        }
        out.flush();
        return errors;
    }

    private ObjectNode grade(String line) {
        if (line.length() > MAX_LINE_LENGTH) {
            throw new IllegalArgumentException("line is " + line.length() + " characters; the limit is " + MAX_LINE_LENGTH);
        }
        JsonNode node = JSON.readTree(line);
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with question, reference, answer and optional concepts");
        }
        String question = requiredText(node, "question");
        String reference = requiredText(node, "reference");
        JsonNode answerNode = node.get("answer");
        if (answerNode == null || !answerNode.isString()) {
            throw new IllegalArgumentException("'answer' is missing or not a string");
        }
        List<Concept> concepts = new ArrayList<>();
        JsonNode list = node.get("concepts");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("'concepts' must be a list of strings");
            }
            for (JsonNode c : list) {
                if (!c.isString() || c.asString().isBlank()) {
                    throw new IllegalArgumentException("'concepts' must be a list of non-empty strings");
                }
                concepts.add(Concept.of(c.asString().strip()));
            }
        }
        Question q = new Question("audit", "audit", dev.quizbot.bank.Difficulty.MEDIUM, question, reference, concepts, List.of(), List.of());
        Grade grade = grader.grade(q, answerNode.asString());
        ObjectNode result = JSON.createObjectNode();
        result.put("verdict", grade.verdict().label());
        result.put("score", grade.score());
        grade.conceptsFound().forEach(result.putArray("concepts_found")::add);
        grade.conceptsMissed().forEach(result.putArray("concepts_missed")::add);
        if (grade.similarity() < 0) {
            result.putNull("similarity");
        } else {
            result.put("similarity", Math.round(grade.similarity() * 1000) / 1000.0);
        }
        result.put("explanation", grade.explanation());
        grade.notes().forEach(result.putArray("notes")::add);
        return result;
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing or empty");
        }
        return value.asString().strip();
    }

    /** The command line: parses options, reports problems in words, returns the exit code. */
    static int main(String[] args, PrintStream out, PrintStream err) {
        Path input = null;
        Path output = null;
        SentenceModel model = SentenceModel.ALL_MINILM_L6_V2_Q;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            switch (arg) {
                case "--input" -> input = hasValue ? Path.of(args[++i]) : null;
                case "--output" -> output = hasValue ? Path.of(args[++i]) : null;
                case "--model" -> {
                    String name = hasValue ? args[++i] : "";
                    var parsed = SentenceModel.parse(name);
                    if (parsed.isEmpty()) {
                        err.println("Unknown model '" + name + "'; use all-minilm-l6-v2-q, bge-small-en-v15-q or none.");
                        return 2;
                    }
                    model = parsed.get();
                }
                case "--help", "-h" -> {
                    out.println(usage());
                    return 0;
                }
                default -> {
                    err.println("Unknown option '" + arg + "'.\n" + usage());
                    return 2;
                }
            }
        }
        if (input == null) {
            err.println("Missing --input FILE.\n" + usage());
            return 2;
        }
        if (!Files.isReadable(input)) {
            err.println("Cannot read " + input + ".");
            return 2;
        }
        GradeCommand command = new GradeCommand(CombinedGrader.create(model, ReferenceEmbeddingStore.inMemoryOnly()));
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter writer = output == null
                     ? new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))
                     : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            int errors = command.run(in, writer);
            if (output != null) {
                out.println("Graded " + input + " into " + output + (errors == 0 ? "." : String.format(Locale.ROOT, " (%d lines could not be graded; see their error objects).", errors)));
            }
            return 0;
        } catch (IOException e) {
            err.println("Grading failed: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return """
                Usage: quizbot grade --input answers.jsonl [--output out.jsonl] [--model all-minilm-l6-v2-q|bge-small-en-v15-q|none]
                  Each input line: {"question": "...", "reference": "...", "concepts": ["...", ...] (optional), "answer": "..."}
                  Each output line: {"verdict", "score", "concepts_found", "concepts_missed", "similarity", "explanation", "notes"}
                  or {"line": n, "error": "..."} for a line that could not be read.""";
    }
}
