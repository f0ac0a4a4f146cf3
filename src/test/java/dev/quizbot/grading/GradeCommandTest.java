package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GradeCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void gradesEachLineAndTurnsMalformedLinesIntoErrorObjects(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("answers.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.write(input, List.of(
                """
                {"id": "a1", "question": "What are LoRA and QLoRA?", "reference": "LoRA freezes the pre-trained weights and learns a low-rank update; QLoRA does this on a 4-bit quantized base model.", "concepts": ["low-rank", {"phrase": "frozen weights", "synonyms": ["weights stay frozen"]}, "4-bit"], "answer": "LoRA learns a low-rank update while the weights stay frozen; QLoRA quantizes the base to 4-bit."}""",
                "{not json",
                """
                {"question": "What are LoRA and QLoRA?", "reference": "LoRA freezes weights.", "answer": 42}""",
                """
                {"question": "What is retrieval-augmented generation?", "reference": "RAG retrieves documents relevant to the query and puts them into the prompt so the model grounds its answer in them.", "answer": "The weather in Lisbon is mild in spring and the food there is excellent."}""",
                "",
                """
                {"id": 7, "question_id": "how-rag-works", "answer": "Embed and index document chunks; at query time retrieve the most similar chunks and put them into the prompt so the LLM generates an answer grounded in them."}""",
                """
                {"id": 8, "question_id": "no-such-question", "answer": "x"}"""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = GradeCommand.main(new String[] {"--input", input.toString(), "--output", output.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        List<JsonNode> lines = Files.readAllLines(output).stream().map(JSON::readTree).toList();
        assertThat(lines).hasSize(7);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).get("line").asInt()).isEqualTo(i + 1);
        }
        assertThat(lines.get(0).get("id").asString()).isEqualTo("a1");
        assertThat(lines.get(0).get("verdict").asString()).isEqualTo("correct");
        assertThat(lines.get(0).get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(lines.get(0).get("score").asInt()).isBetween(70, 100);
        assertThat(lines.get(0).get("concepts_found")).extracting(JsonNode::asString).contains("low-rank", "frozen weights", "4-bit");
        assertThat(lines.get(0).get("concepts_missed")).isEmpty();
        assertThat(lines.get(0).get("similarity").asDouble()).isBetween(0.3, 1.0);
        assertThat(lines.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(1).get("error").asString()).startsWith("not valid JSON");
        assertThat(lines.get(2).get("line").asInt()).isEqualTo(3);
        assertThat(lines.get(2).get("error").asString()).contains("'answer'");
        assertThat(lines.get(3).get("verdict").asString()).isEqualTo("incorrect");
        assertThat(lines.get(3).get("concepts_missed")).isNotEmpty(); // derived from the reference
        assertThat(lines.get(4).get("error").asString()).contains("blank line");
        assertThat(lines.get(5).get("id").asInt()).isEqualTo(7);
        assertThat(lines.get(5).get("verdict").asString()).isEqualTo("correct"); // the bank's own accepted answer
        assertThat(lines.get(5).get("concepts_found")).extracting(JsonNode::asString).contains("retrieval", "chunks");
        assertThat(lines.get(6).get("error").asString()).contains("unknown question_id 'no-such-question'");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("4 lines could not be graded");
    }

    @Test
    void aMissingInputIsExplained() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GradeCommand.main(new String[] {}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing --input FILE").contains("Usage: quizbot grade");
    }
}
