package dev.quizbot.bank.importer;

import java.util.List;

/** The drafts of one import run, in input order, and a report per input file. */
public record ImportReport(List<Draft> drafts, List<FileReport> files) {

    public ImportReport {
        drafts = List.copyOf(drafts);
        files = List.copyOf(files);
    }
}
