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
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;
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
    private final QuestionBank bank;

    GradeCommand(Grader grader, QuestionBank bank) {
        this.grader = grader;
        this.bank = bank;
    }

    /** Grades every line of {@code in} onto {@code out}; returns how many lines were errors (blank lines included). */
    int run(BufferedReader in, BufferedWriter out) throws IOException {
        int errors = 0;
        int n = 0;
        for (String line; (line = in.readLine()) != null; ) {
            n++;
            ObjectNode result;
            JsonNode id = null;
            try {
                if (line.isBlank()) {
                    throw new IllegalArgumentException("blank line: nothing to grade");
                }
                if (line.length() > MAX_LINE_LENGTH) {
                    throw new IllegalArgumentException("line is " + line.length() + " characters; the limit is " + MAX_LINE_LENGTH);
                }
                JsonNode node = JSON.readTree(line);
                id = node.isObject() ? node.get("id") : null;
                result = grade(node);
            } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
                errors++;
                result = JSON.createObjectNode();
                result.put("error", e instanceof tools.jackson.core.JacksonException j ? "not valid JSON: " + j.getOriginalMessage() : e.getMessage());
            }
            ObjectNode labelled = JSON.createObjectNode();
            labelled.put("line", n);
            if (id != null && !id.isNull()) {
                labelled.set("id", id);
            }
            labelled.setAll(result);
            out.write(JSON.writeValueAsString(labelled));
            out.newLine();
        }
        out.flush();
        return errors;
    }

    private ObjectNode grade(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with question_id, or question and reference, and answer");
        }
        JsonNode answerNode = node.get("answer");
        if (answerNode == null || !answerNode.isString()) {
            throw new IllegalArgumentException("'answer' is missing or not a string");
        }
        Grade grade = grader.grade(question(node), answerNode.asString());
        ObjectNode result = JSON.createObjectNode();
        result.put("verdict", grade.verdict().label());
        result.put("score", grade.score());
        result.put("confidence", Math.round(grade.confidence() * 1000) / 1000.0);
        result.put("provisional", grade.provisional());
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

    /**
     * The question to grade against: the bank's own entry when {@code question_id} names one (its
     * concepts with synonyms, accepted answers and misconceptions, exactly as the bot grades),
     * else one built from the line's {@code question}, {@code reference}, {@code concepts},
     * {@code accept} and {@code misconceptions}.
     */
    private Question question(JsonNode node) {
        JsonNode id = node.get("question_id");
        if (id != null && !id.isNull()) {
            if (!id.isString() || id.asString().isBlank()) {
                throw new IllegalArgumentException("'question_id' must be a non-empty string");
            }
            return bank.question(id.asString().strip()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown question_id '" + id.asString().strip() + "' (not in the bank)"));
        }
        String question = requiredText(node, "question");
        String reference = requiredText(node, "reference");
        List<Concept> concepts = new ArrayList<>();
        JsonNode list = node.get("concepts");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("'concepts' must be a list of strings or {\"phrase\", \"synonyms\"} objects");
            }
            for (JsonNode c : list) {
                concepts.add(concept(c));
            }
        }
        return new Question("audit", "audit", dev.quizbot.bank.Difficulty.MEDIUM, question, reference, concepts,
                strings(node, "accept"), List.of(), strings(node, "misconceptions"), java.util.Optional.empty());
    }

    private static Concept concept(JsonNode c) {
        if (c.isString() && !c.asString().isBlank()) {
            return Concept.of(c.asString().strip());
        }
        if (c.isObject() && c.path("phrase").isString() && !c.path("phrase").asString().isBlank()) {
            List<String> synonyms = new ArrayList<>();
            JsonNode given = c.get("synonyms");
            if (given != null && !given.isNull()) {
                if (!given.isArray()) {
                    throw new IllegalArgumentException("a concept's 'synonyms' must be a list of strings");
                }
                for (JsonNode synonym : given) {
                    if (!synonym.isString() || synonym.asString().isBlank()) {
                        throw new IllegalArgumentException("a concept's 'synonyms' must be non-empty strings");
                    }
                    synonyms.add(synonym.asString().strip());
                }
            }
            return new Concept(c.path("phrase").asString().strip(), synonyms);
        }
        throw new IllegalArgumentException("each concept must be a non-empty string or {\"phrase\": \"...\", \"synonyms\": [...]}");
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode list = node.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode v : list) {
            if (!v.isString() || v.asString().isBlank()) {
                throw new IllegalArgumentException("'" + field + "' must be a list of non-empty strings");
            }
            values.add(v.asString().strip());
        }
        return values;
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
        Path bankFolder = Path.of("questions");
        SentenceModel model = SentenceModel.ALL_MINILM_L6_V2_Q;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            switch (arg) {
                case "--input" -> input = hasValue ? Path.of(args[++i]) : null;
                case "--output" -> output = hasValue ? Path.of(args[++i]) : null;
                case "--bank" -> bankFolder = hasValue ? Path.of(args[++i]) : null;
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
        QuestionBank bank = new QuestionBank(List.of(), List.of());
        if (bankFolder != null && Files.isDirectory(bankFolder)) {
            bank = new QuestionBankLoader().load(bankFolder);
        }
        GradeCommand command = new GradeCommand(CombinedGrader.create(model), bank);
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
                Usage: quizbot grade --input answers.jsonl [--output out.jsonl] [--bank DIR] [--model all-minilm-l6-v2-q|bge-small-en-v15-q|none]
                  Each input line: {"id": any (optional), "question_id": "a bank id", "answer": "..."}
                              or:  {"id": ..., "question": "...", "reference": "...", "answer": "...", "concepts": ["...", {"phrase": "...",
                                    "synonyms": ["..."]}] (optional), "accept": ["..."] (optional), "misconceptions": ["..."] (optional)}
                  Each output line: {"line", "id", "verdict", "score", "confidence", "provisional", "concepts_found",
                                     "concepts_missed", "similarity", "explanation", "notes"}
                  or {"line", "id", "error"} for a line that could not be graded (blank lines included).
                  --bank (default: questions) is where question_id is looked up.""";
    }
}
