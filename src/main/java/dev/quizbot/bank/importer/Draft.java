package dev.quizbot.bank.importer;

import java.util.List;
import java.util.Optional;

import dev.quizbot.bank.Question;

/**
 * A draft bank entry for a person to review.
 *
 * @param duplicateOf which bank entry or earlier draft this one likely repeats, if any
 * @param notes       other things a reviewer should know (e.g. the answer was shortened)
 * @param generated   the question was made up from a note ({@code import --generate}), not asked by the document
 */
public record Draft(Question entry, Optional<String> duplicateOf, List<String> notes, boolean generated) {

    public Draft {
        notes = List.copyOf(notes);
    }

    public Draft(Question entry, Optional<String> duplicateOf, List<String> notes) {
        this(entry, duplicateOf, notes, false);
    }
}
