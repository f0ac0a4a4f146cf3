package dev.quizbot.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;
import dev.quizbot.bank.Source;

/**
 * Acceptance check for the bank: every question heading the importer finds in the seed documents is
 * listed (document and heading exactly) in some entry's {@code sources}. Skipped when the seeds are absent.
 */
class BankCoverageTest {

    @Test
    void everySeedQuestionHeadingIsASourceOfSomeBankEntry() throws IOException {
        Path seeds = SeedInventory.seedsFolder();
        assumeTrue(Files.isDirectory(seeds), "seed documents not found at " + seeds.toAbsolutePath());
        QuestionBank bank = new QuestionBankLoader().load(Path.of("questions"));
        Set<Source> listed = new HashSet<>();
        bank.questions().forEach(q -> listed.addAll(q.sources()));

        List<ImportedEntry> headings = new ArrayList<>();
        DocumentReader reader = new DocumentReader();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (reader.read(file) instanceof DocumentContent.Read read) {
                    headings.addAll(read.entries());
                }
            }
        }
        List<String> missing = headings.stream()
                .filter(e -> !listed.contains(new Source(e.document(), e.heading())))
                .map(e -> e.document() + ":" + e.line() + "  " + e.heading())
                .toList();
        String coverage = String.format("bank covers %d of %d seed question headings (%.1f%%)",
                headings.size() - missing.size(), headings.size(),
                100.0 * (headings.size() - missing.size()) / Math.max(1, headings.size()));
        System.out.println("Seed coverage: " + coverage);

        assertThat(headings).as("seed question headings").isNotEmpty();
        assertThat(missing).as(coverage + "; headings listed in no entry's sources:\n  "
                + String.join("\n  ", missing)).isEmpty();
    }
}
