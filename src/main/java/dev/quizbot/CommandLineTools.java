package dev.quizbot;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.quizbot.grading.GradingTools;
import dev.quizbot.grading.calibration.CalibrationTools;

/** Every command-line tool, listed in one place: {@code java -jar quizbot.jar TOOL ...}. */
final class CommandLineTools {

    /** A tool takes its own arguments and returns the process exit code. */
    interface Tool {
        int run(String[] args);
    }

    private static final Map<String, Tool> TOOLS = new TreeMap<>(Map.of(
            "import", dev.quizbot.bank.importer.ImportCommand::main,
            "grade", GradingTools::grade,
            "grading-fit", CalibrationTools::fit,
            "grading-bench", CalibrationTools::bench,
            "export-bank", dev.quizbot.review.ExportBankCommand::main));

    private CommandLineTools() {
    }

    static Optional<Tool> find(String[] args) {
        return args.length == 0 ? Optional.empty() : Optional.ofNullable(TOOLS.get(args[0]));
    }
}
