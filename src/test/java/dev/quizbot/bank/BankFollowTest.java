package dev.quizbot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances' banks over one shared version counter (the {@code bank_version} row in
 * production): a reload on one is followed by the other, once, and a follower never takes
 * files that have become invalid.
 */
class BankFollowTest {

    private static final String TOPICS = """
            - slug: rag
              name: Retrieval-augmented generation
            """;

    private static final String ENTRY = """
            - id: what-is-rag
              topic: rag
              difficulty: easy
              question: What is RAG?
              answer: Retrieval-augmented generation retrieves passages and conditions generation on them.
              concepts: [retrieval]
              sources:
                - document: 002.txt
                  heading: "RAG"
            """;

    @TempDir
    Path folder;

    /** The shared row, in memory. */
    static final class SharedVersion implements BankVersion {
        final AtomicLong value = new AtomicLong();

        @Override
        public long current() {
            return value.get();
        }

        @Override
        public long advance() {
            return value.incrementAndGet();
        }
    }

    private void write(String question) throws IOException {
        Files.writeString(folder.resolve("topics.yaml"), TOPICS);
        Files.writeString(folder.resolve("rag.yaml"), ENTRY.replace("What is RAG?", question));
    }

    private static String question(QuestionBankService service) {
        return service.bank().question("what-is-rag").orElseThrow().question();
    }

    @Test
    void aReloadOnOneInstanceIsFollowedByTheOther() throws IOException {
        SharedVersion version = new SharedVersion();
        write("What is RAG?");
        QuestionBankService first = new QuestionBankService(new QuestionBankLoader(), folder, version);
        QuestionBankService second = new QuestionBankService(new QuestionBankLoader(), folder, version);

        write("What does RAG stand for?");
        second.followOtherInstances();
        // nobody reloaded yet: the second keeps what it has, even though the files changed
        assertThat(question(second)).isEqualTo("What is RAG?");

        assertThat(first.reload()).isInstanceOf(BankReload.Reloaded.class);
        second.followOtherInstances();

        assertThat(question(second)).isEqualTo("What does RAG stand for?");
        assertThat(version.current()).isEqualTo(1);
        // the instance that reloaded does not load again for its own reload
        write("Third wording?");
        first.followOtherInstances();
        assertThat(question(first)).isEqualTo("What does RAG stand for?");
    }

    @Test
    void aFollowerKeepsItsBankWhenItsFilesAreInvalid() throws IOException {
        SharedVersion version = new SharedVersion();
        write("What is RAG?");
        QuestionBankService follower = new QuestionBankService(new QuestionBankLoader(), folder, version);

        Files.writeString(folder.resolve("rag.yaml"), ENTRY.replace("difficulty: easy", "difficulty: trivial"));
        version.advance();
        follower.followOtherInstances();

        assertThat(question(follower)).isEqualTo("What is RAG?");
    }
}
