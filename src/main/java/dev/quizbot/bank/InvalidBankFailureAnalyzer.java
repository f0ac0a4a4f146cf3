package dev.quizbot.bank;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid bank at start into a plain list of problems instead of a stack trace. */
class InvalidBankFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBankException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidBankException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the entries listed above (the JSON Schema in " + cause.folder()
                        + "/question-bank.schema.json helps editors catch them), then start quizbot again.",
                cause);
    }
}
