package dev.quizbot.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quizbot.bank.QuestionBank;

class GenerateFromNotesTest {

    private static final Path NOTES_002 = Path.of("../shared/seeds/002_b9953f8e77cdd6f6.txt");

    @TempDir
    Path dir;

    private static List<Draft> generated(List<Path> files) {
        return new Importer(new QuestionBank(List.of(), List.of())).importFiles(files, true).drafts().stream()
                .filter(Draft::generated).toList();
    }

    @Test
    void termsWithExplanationsAndHeadingsWithParagraphsBecomeGeneratedDrafts() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.md"), """
                # Decoding notes

                Beam Search: Keeps the k most probable partial sequences at each step instead of only the best one.

                Examples:

                GPT-3 (175 billion parameters)

                Tokenization:

                Text is broken into smaller units (tokens) like words or subwords.

                Applications:

                Creative writing, such as stories, scripts, or poems.

                ## Embeddings
                Embeddings map tokens to dense vectors so that similar meanings lie close together.
                """);

        List<Draft> drafts = generated(List.of(notes));

        assertThat(drafts).extracting(d -> d.entry().question())
                .containsExactly("What is Beam Search?", "What is Tokenization?", "What are Embeddings?");
        assertThat(drafts.get(1).entry().answer()).isEqualTo("Text is broken into smaller units (tokens) like words or subwords.");
        assertThat(new DraftWriter().render(drafts)).contains("# GENERATED from a note");
        assertThat(new Importer(new QuestionBank(List.of(), List.of())).importFiles(List.of(notes)).drafts()).isEmpty();
    }

    @Test
    void document002sNotesBecomeDraftsAPersonWouldKeep() {
        assumeTrue(Files.isRegularFile(NOTES_002), "../shared/seeds is not here");

        List<Draft> drafts = generated(List.of(NOTES_002));

        // 44 today: definitions such as "Pretraining: The model learns general language representations
        // on large datasets."; a handful ("What is Regulation?") need rewording or go. The procedures,
        // lists of uses and section titles around them, and the notes inside the Q&A half, are left out.
        assertThat(drafts).hasSizeBetween(30, 50).extracting(d -> d.entry().question())
                .contains("What is Transformer Architecture?", "What is Pretraining?", "What is Fine-Tuning?",
                        "What is Tokenization?", "What is Hallucination?", "What is Retrieval-Augmented Generation (RAG)?")
                .doesNotContain("What is Pretraining and Fine-Tuning?", "What are Examples?", "What is Text Generation?",
                        "What is Coding Assistance?", "What is Collect Human Feedback?", "What is Perplexity?")
                .doesNotHaveDuplicates();
        assertThat(drafts).allSatisfy(d -> {
            assertThat(d.entry().answer().split("\\s+").length).isGreaterThanOrEqualTo(6);
            assertThat(d.entry().sources()).singleElement().satisfies(s -> assertThat(s.document()).startsWith("002_"));
        });
    }
}
