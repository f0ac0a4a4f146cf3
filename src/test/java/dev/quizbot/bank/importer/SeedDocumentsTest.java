package dev.quizbot.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser on the five seed documents finds exactly the question headings a person listed in
 * {@code seed-inventory.tsv}: same count, same headings, same lines. Skipped when the seeds are absent.
 */
class SeedDocumentsTest {

    private final DocumentReader reader = new DocumentReader();

    static Stream<Arguments> documents() {
        assumeTrue(SeedInventory.seedsPresent(), "seed documents not found at " + SeedInventory.seedsFolder().toAbsolutePath());
        return SeedInventory.byDocument().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void findsExactlyTheQuestionHeadingsAPersonChecked(String document, List<SeedInventory.Heading> checked) {
        Path file = SeedInventory.seedsFolder().resolve(document);

        DocumentContent content = reader.read(file);

        assertThat(content).isInstanceOf(DocumentContent.Read.class);
        List<SeedInventory.Heading> found = ((DocumentContent.Read) content).entries().stream()
                .map(e -> new SeedInventory.Heading(e.document(), e.line(), e.heading()))
                .toList();
        assertThat(found).as("question headings of %s", document).hasSize(checked.size());
        assertThat(found).containsExactlyElementsOf(checked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everySeedQuestionBecomesADraftWithAnAnswer(String document, List<SeedInventory.Heading> checked) {
        ImportReport report = new Importer(new dev.quizbot.bank.QuestionBank(List.of(), List.of()))
                .importFiles(List.of(SeedInventory.seedsFolder().resolve(document)));

        FileReport file = report.files().getFirst();
        assertThat(file.failure()).isEmpty();
        assertThat(file.skipped()).isEmpty();
        assertThat(file.parsed()).isEqualTo(checked.size());
        assertThat(report.drafts()).allSatisfy(d -> {
            assertThat(d.entry().answer()).isNotBlank().hasSizeLessThanOrEqualTo(AnswerCleaner.MAX_ANSWER_LENGTH);
            assertThat(d.entry().sources()).singleElement().satisfies(s -> assertThat(s.document()).isEqualTo(document));
        });
    }

    /** The counts a person checked, stated here so a change to the inventory is a visible decision. */
    @org.junit.jupiter.api.Test
    void inventoryCountsPerDocument() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        SeedInventory.byDocument().forEach((doc, headings) -> counts.put(doc, headings.size()));

        assertThat(counts).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "000_ba5fd4e09e3a1f27.txt", 26,
                "001_ee66d3d249a21d51.txt", 9,
                "002_b9953f8e77cdd6f6.txt", 58,
                "003_1256667a82fe0131.txt", 33,
                "004_c54549c83c6343f4.txt", 50)));
    }
}
