package dev.quizbot.bank.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The person-checked list of every question heading in the seed documents
 * ({@code src/test/resources/seed-inventory.tsv}), and where the seed documents are.
 */
final class SeedInventory {

    /** One checked heading: document, 1-based line, heading exactly as written. */
    record Heading(String document, int line, String heading) {
    }

    private static final Path FILE = Path.of("src", "test", "resources", "seed-inventory.tsv");

    private SeedInventory() {
    }

    /**
     * {@code ../shared/seeds} next to the project, unless {@code -Dquizbot.seeds=PATH} or the
     * {@code QUIZBOT_SEEDS} environment variable names another folder.
     */
    static Path seedsFolder() {
        String configured = System.getProperty("quizbot.seeds", System.getenv("QUIZBOT_SEEDS"));
        return configured == null || configured.isBlank() ? Path.of("..", "shared", "seeds") : Path.of(configured);
    }

    static boolean seedsPresent() {
        return Files.isDirectory(seedsFolder());
    }

    static List<Heading> headings() {
        try {
            List<String> lines = Files.readAllLines(FILE);
            List<String> header = List.of(lines.get(0).split("\t"));
            int document = header.indexOf("document");
            int line = header.indexOf("line");
            int heading = header.indexOf("heading");
            return lines.stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split("\t", -1))
                    .map(cols -> new Heading(cols[document], Integer.parseInt(cols[line]), cols[heading]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, List<Heading>> byDocument() {
        return headings().stream().collect(Collectors.groupingBy(Heading::document, LinkedHashMap::new, Collectors.toList()));
    }
}
