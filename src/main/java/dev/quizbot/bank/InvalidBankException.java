package dev.quizbot.bank;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The bank could not be loaded; carries every problem found, not just the first. */
public class InvalidBankException extends RuntimeException {

    private final transient Path folder;
    private final List<BankProblem> problems;

    public InvalidBankException(Path folder, List<BankProblem> problems) {
        super(describe(folder, problems));
        this.folder = folder;
        this.problems = List.copyOf(problems);
    }

    public Path folder() {
        return folder;
    }

    public List<BankProblem> problems() {
        return problems;
    }

    private static String describe(Path folder, List<BankProblem> problems) {
        return "The question bank in " + folder + " has " + problems.size()
                + (problems.size() == 1 ? " problem:\n" : " problems:\n")
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
