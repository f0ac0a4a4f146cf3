package dev.quizbot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quizbot.bank.BankOverlay;
import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;

/** {@code export-bank}: the bank files with the database overlay merged, written as a bank that loads. */
class ExportBankCommandTest {

    private static final Path TEST_BANK = Path.of("src/test/resources/test-bank");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ExportBankCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
    }

    /** An H2 database holding the overlay table as the migration makes it, with the rows given. */
    private static String database(String name, String... rows) throws Exception {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute(Files.readString(Path.of(
                    "src/main/resources/db/migration/V70__review_appeals_and_queue.sql"))
                    .replaceAll("(?s)CREATE TABLE review_item.*?(?=CREATE TABLE bank_overlay)", ""));
            for (String row : rows) {
                String[] parts = row.split("\\|");
                var insert = c.prepareStatement("INSERT INTO bank_overlay (question_id, kind, text, added_by, added_at,"
                        + " text_key) VALUES (?, ?, ?, 'ada', CURRENT_TIMESTAMP, ?)");
                insert.setString(1, parts[0]);
                insert.setString(2, parts[1]);
                insert.setString(3, parts[2]);
                insert.setString(4, BankOverlay.key(parts[2]));
                insert.executeUpdate();
            }
        }
        return url;
    }

    @Test
    void writesTheMergedBankAsFilesTheLoaderAcceptsAndKeepsDormantAdditionsOut() throws Exception {
        String db = database("export-" + System.nanoTime(),
                "lora|ACCEPT|LoRA trains a small low-rank update",
                "what-is-rag|MISCONCEPTION|RAG stores the whole internet in the model.",
                "removed-question|ACCEPT|whatever it was");
        Path output = dir.resolve("bank-out");

        assertThat(run("--output", output.toString(), "--bank", TEST_BANK.toString(), "--db", db)).isZero();

        QuestionBank written = new QuestionBankLoader().load(output);
        QuestionBank original = new QuestionBankLoader().load(TEST_BANK);
        assertThat(written.size()).isEqualTo(original.size());
        Question lora = written.question("lora").orElseThrow();
        assertThat(lora.accept()).containsExactly("LoRA trains a small low-rank update");
        // every field survives the round trip, synonyms included
        assertThat(lora.concepts()).isEqualTo(original.question("lora").orElseThrow().concepts());
        assertThat(lora.sources()).isEqualTo(original.question("lora").orElseThrow().sources());
        assertThat(written.question("what-is-rag").orElseThrow().misconceptions())
                .endsWith("RAG stores the whole internet in the model.").hasSize(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Merged 2 reviewer addition(s); 1 for questions not"
                + " in the bank were left out (kept in the database)");
    }

    @Test
    void refusesUsageErrorsAMissingDatabaseAndAFolderInUse() throws Exception {
        assertThat(run()).isEqualTo(ExportBankCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--output DIR is required");
        assertThat(run("--output")).isEqualTo(ExportBankCommand.USAGE);
        assertThat(run("--frob", "x")).isEqualTo(ExportBankCommand.USAGE);

        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("keep.yaml"), "- id: x");
        assertThat(run("--output", used.toString(), "--bank", TEST_BANK.toString())).isEqualTo(ExportBankCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not empty");
        assertThat(Files.readString(used.resolve("keep.yaml"))).isEqualTo("- id: x");

        // a mistyped database path is reported, not silently created empty
        assertThat(run("--output", dir.resolve("new").toString(), "--bank", TEST_BANK.toString(),
                "--db", "jdbc:h2:file:" + dir.resolve("no-such-db"))).isEqualTo(ExportBankCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Could not read the review overlay");
    }

    @Test
    void anAdditionThatWouldMakeAQuestionInvalidIsLeftOutOfTheMerge() throws Exception {
        QuestionBank original = new QuestionBankLoader().load(TEST_BANK);
        Question rag = original.question("what-is-rag").orElseThrow();
        QuestionBank merged = BankOverlay.merge(original, java.util.List.of(
                // the reference answer as a misconception would make the loader reject the question
                new BankOverlay.Addition("what-is-rag", BankOverlay.Kind.MISCONCEPTION, rag.answer()),
                new BankOverlay.Addition("what-is-rag", BankOverlay.Kind.ACCEPT, rag.answer().toUpperCase()),
                new BankOverlay.Addition("gone", BankOverlay.Kind.ACCEPT, "dormant")));
        Question after = merged.question("what-is-rag").orElseThrow();
        assertThat(after.misconceptions()).isEqualTo(rag.misconceptions());
        assertThat(after.accept()).isEqualTo(rag.accept());
        assertThat(merged.question("gone")).isEmpty();
        Path output = dir.resolve("merged");
        BankExport.write(merged, output);
        assertThat(new QuestionBankLoader().load(output).size()).isEqualTo(original.size());
    }
}
