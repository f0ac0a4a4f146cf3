package dev.quizbot.bank.importer;

import java.util.List;

/** What reading one input file produced: its questions (and what was passed over), or why it could not be read. */
public sealed interface DocumentContent {

    /** @param skipped one human-readable reason per thing that looked like a question but was not imported */
    record Read(List<ImportedEntry> entries, List<String> skipped) implements DocumentContent {
        public Read {
            entries = List.copyOf(entries);
            skipped = List.copyOf(skipped);
        }
    }

    record Unreadable(String reason) implements DocumentContent {
    }
}
