package dev.quizbot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The shipped bank: valid for the loader, valid against the published schema, and sensibly curated. */
class BankFilesTest {

    private static final Path BANK = Path.of("questions");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(read(BANK.resolve("question-bank.schema.json")), InputFormat.JSON);

    static Stream<Path> questionFiles() throws IOException {
        try (Stream<Path> files = Files.list(BANK)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals(QuestionBankLoader.TOPICS_FILE))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("questionFiles")
    void everyQuestionFileMatchesThePublishedSchema(Path file) throws IOException {
        JsonNode content = YAML.readTree(file.toFile());

        List<Error> errors = schema.validate(content);

        assertThat(errors).as("schema errors in %s", file).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() {
        JsonNode bad = YAML.readTree("""
                - id: Not A Slug
                  topic: rag
                  difficulty: trivial
                  question: ""
                  anwser: typo
                """);

        assertThat(schema.validate(bad)).extracting(e -> e.getInstanceLocation() + " " + e.getMessage())
                .anySatisfy(m -> assertThat(m).startsWith("/0/id does not match the regex pattern"))
                .anySatisfy(m -> assertThat(m).startsWith("/0/difficulty does not have a value in the enumeration"))
                .anySatisfy(m -> assertThat(m).contains("answer"))
                .anySatisfy(m -> assertThat(m).contains("anwser"));
    }

    @Test
    void theShippedBankLoadsWithCuratedConceptsAndOwnTopicPerFile() throws IOException {
        QuestionBank bank = new QuestionBankLoader().load(BANK);

        assertThat(bank.questions()).allSatisfy(q -> {
            assertThat(q.concepts()).as("concepts of %s", q.id()).hasSizeBetween(2, 5);
            if (q.origin().isPresent()) {
                assertThat(q.sources()).as("sources of %s, which we wrote ourselves", q.id()).isEmpty();
            } else {
                assertThat(q.sources()).as("sources of %s", q.id()).isNotEmpty();
            }
            assertThat(sentences(q.answer())).as("sentences in the answer of %s", q.id()).isBetween(2, 6);
        });
        for (Path file : questionFiles().toList()) {
            String topic = file.getFileName().toString().replace(".yaml", "");
            assertThat(YAML.readTree(file.toFile()).findValuesAsString("topic"))
                    .as("topics in %s", file).containsOnly(topic);
        }
    }

    /**
     * The loader accepts entries without misconceptions (imported drafts have none), but every question
     * we ship names at least two, so the reveal always has a mistake to show and the grader evidence.
     */
    @Test
    void everyShippedQuestionNamesAtLeastTwoMisconceptions() {
        QuestionBank bank = new QuestionBankLoader().load(BANK);

        assertThat(bank.questions()).allSatisfy(q -> {
            assertThat(q.misconceptions()).as("misconceptions of %s", q.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(q.misconceptions()).as("misconceptions of %s", q.id())
                    .allSatisfy(m -> assertThat(m).as("a misconception of %s is one claim ending with a full stop", q.id())
                            .endsWith(".").doesNotContain("\n"));
        });
    }

    @Test
    void theSchemaRejectsBadMisconceptionsAndOrigins() {
        JsonNode bad = YAML.readTree("""
                - id: what-is-rag
                  topic: rag
                  difficulty: easy
                  question: What is RAG?
                  answer: Retrieve, then generate.
                  origin: elsewhere
                  misconceptions: [RAG is fine-tuning., RAG is fine-tuning., ""]
                """);

        assertThat(schema.validate(bad)).extracting(e -> e.getInstanceLocation() + " " + e.getMessage())
                .anySatisfy(m -> assertThat(m).startsWith("/0/origin does not have a value in the enumeration"))
                .anySatisfy(m -> assertThat(m).startsWith("/0/misconceptions").contains("unique"))
                .anySatisfy(m -> assertThat(m).startsWith("/0/misconceptions/2"));
    }

    private static int sentences(String text) {
        return Stream.of(text.split("(?<=[.!?])\\s+(?=[A-Z(])")).filter(s -> !s.isBlank()).mapToInt(s -> 1).sum();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
