package dev.quizbot.bank.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What importing one file did.
 *
 * @param parsed     questions turned into drafts
 * @param duplicates how many of those are flagged as likely duplicates
 * @param skipped    one reason per question (or row, or item) that was not imported
 * @param failure    why the whole file could not be imported, if it could not
 */
public record FileReport(Path file, int parsed, int duplicates, List<String> skipped, Optional<String> failure) {

    public FileReport {
        skipped = List.copyOf(skipped);
    }

    static FileReport failed(Path file, String reason) {
        return new FileReport(file, 0, 0, List.of(), Optional.of(reason));
    }
}
