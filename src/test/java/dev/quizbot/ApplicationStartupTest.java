package dev.quizbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.grading.Grade;
import dev.quizbot.grading.Grader;
import dev.quizbot.grading.Verdict;

@ExtendWith(OutputCaptureExtension.class)
class ApplicationStartupTest {

    @TempDir
    Path dataDir;

    @Test
    void startsOnTheRepositoryBankLogsItsSummaryAndMigratesTheFileDatabase(CapturedOutput output) {
        try (ConfigurableApplicationContext context = app("questions")) {
            QuestionBankService bank = context.getBean(QuestionBankService.class);

            assertThat(bank.bank().size()).isPositive();
            Grade lora = context.getBean(Grader.class).grade(bank.bank().question("lora-qlora").orElseThrow(),
                    "It freezes the base weights and trains small low-rank matrices; QLoRA also quantizes the base model to 4 bits.");
            assertThat(lora.verdict()).isEqualTo(Verdict.CORRECT);
            assertThat(lora.similarity()).as("the real sentence model is loaded").isPositive();
            assertThat(output.getOut()).contains("Question bank loaded from").contains(bank.bank().summary());
            assertThat(Files.exists(dataDir.resolve("quizbot.mv.db"))).isTrue();
            Integer migrations = context.getBean(JdbcClient.class)
                    .sql("select count(*) from \"flyway_schema_history\" where \"success\" = true")
                    .query(Integer.class).single();
            assertThat(migrations).isPositive();
        }
    }

    @Test
    void refusesToStartOnAnInvalidBankWithEveryProblemListed(@TempDir Path bank, CapturedOutput output)
            throws IOException {
        Files.writeString(bank.resolve("topics.yaml"), "- slug: rag\n  name: RAG\n");
        Files.writeString(bank.resolve("rag.yaml"), """
                - id: one
                  topic: cooking
                  difficulty: easy
                  question: Q?
                  answer: A.
                - id: two
                  topic: rag
                  difficulty: easy
                  question: Q?
                """);

        assertThatThrownBy(() -> app(bank.toString())).isNotNull();

        assertThat(output.getErr() + output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("has 2 problems:")
                .contains("rag.yaml: entry 1 (id 'one'): unknown topic 'cooking' (declare it in topics.yaml; known: rag)")
                .contains("rag.yaml: entry 2 (id 'two'): missing 'answer'")
                .contains("Fix the entries listed above");
    }

    /** Command-line arguments, because they override application.yaml as a user's would. */
    private ConfigurableApplicationContext app(String bankPath) {
        return new SpringApplicationBuilder(QuizbotApplication.class).run(
                "--quizbot.bank.path=" + bankPath,
                "--quizbot.data-dir=" + dataDir,
                "--server.port=0",
                "--quizbot.console.enabled=false");
    }
}
