package dev.quizbot.bank.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.quizbot.bank.InvalidBankException;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;
import dev.quizbot.grading.EmbeddingModel;
import dev.quizbot.grading.SentenceModel;
import dev.quizbot.grading.SentenceModels;

/**
 * {@code quizbot import FILE... [--output PATH] [--bank FOLDER] [--words-only] [--generate]}: imports documents as draft entries and
 * prints what happened to each file. Exits 0 when at least one draft was written, 1 when nothing could
 * be imported, 2 on a usage error.
 */
public final class ImportCommand {

    public static final int IMPORTED = 0;
    public static final int NOTHING_IMPORTED = 1;
    public static final int USAGE = 2;

    static final String DEFAULT_OUTPUT = "import-out";

    private static final String HELP = """
            Usage: quizbot import FILE... [--output PATH] [--bank FOLDER] [--words-only] [--generate]

            Turns Q&A documents into draft question-bank entries for review.
              FILE            a text or markdown guide ('Q1. ...' or numbered '# 1. ...?' headings),
                              a .csv with question,answer columns, a .json array of
                              {"question": ..., "answer": ...}, or a folder of such files
              --output PATH   a .yaml file to write all drafts to, or a folder to write one file
                              per topic into (default: import-out/). Existing files are never
                              overwritten: drafts then go to a new file beside them.
              --bank FOLDER   the bank to check drafts against for duplicates and ids
                              (default: questions)
              --words-only    find duplicates and guess topics by shared words alone, without
                              loading the sentence model that compares meaning
              --generate      also turn definition-style notes ("Term: explanation", a term
                              heading and its paragraph) into draft questions, marked GENERATED
            """;

    private final PrintStream out;
    private final PrintStream err;

    public ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int main(String[] args) {
        return new ImportCommand(System.out, System.err).run(args);
    }

    public int run(String[] args) {
        List<Path> inputs = new ArrayList<>();
        Path output = Path.of(DEFAULT_OUTPUT);
        Path bankFolder = Path.of("questions");
        boolean wordsOnly = false;
        boolean generate = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--words-only" -> wordsOnly = true;
                case "--generate" -> generate = true;
                case "-h", "--help" -> {
                    out.print(HELP);
                    return IMPORTED;
                }
                case "-o", "--output", "--bank" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        return usage(arg + " needs a path after it");
                    }
                    Path value = Path.of(args[++i]);
                    if (arg.equals("--bank")) {
                        bankFolder = value;
                    } else {
                        output = value;
                    }
                }
                default -> {
                    if (arg.startsWith("--output=")) {
                        output = Path.of(arg.substring("--output=".length()));
                    } else if (arg.startsWith("--bank=")) {
                        bankFolder = Path.of(arg.substring("--bank=".length()));
                    } else if (arg.startsWith("-")) {
                        return usage("unknown option " + arg);
                    } else {
                        inputs.add(Path.of(arg));
                    }
                }
            }
        }
        if (inputs.isEmpty()) {
            return usage("name at least one file to import");
        }

        QuestionBank bank = loadBank(bankFolder);
        Optional<EmbeddingModel> model = wordsOnly ? Optional.empty() : loadModel();
        ImportReport report = new Importer(bank, model).importFiles(expandFolders(inputs), generate);
        report.files().forEach(this::printFile);

        if (report.drafts().isEmpty()) {
            err.println("Nothing was imported.");
            return NOTHING_IMPORTED;
        }
        List<DraftWriter.Written> written;
        try {
            written = new DraftWriter().write(report.drafts(), output);
        } catch (IOException e) {
            err.println("Could not write the drafts to " + output + ": " + e.getMessage());
            return NOTHING_IMPORTED;
        }
        long duplicates = report.drafts().stream().filter(d -> d.duplicateOf().isPresent()).count();
        out.printf("Wrote %d draft%s (%d likely duplicate%s) to %s:%n", report.drafts().size(),
                report.drafts().size() == 1 ? "" : "s", duplicates, duplicates == 1 ? "" : "s", output);
        for (DraftWriter.Written w : written) {
            out.printf("  %s (%d)%s%n", w.file(), w.drafts(), w.requested()
                    .map(r -> " - " + r.getFileName() + " already exists and was left untouched")
                    .orElse(""));
        }
        return IMPORTED;
    }

    /** The grader's default sentence model, to compare drafts with the bank by meaning. */
    private Optional<EmbeddingModel> loadModel() {
        SentenceModels.Load load = SentenceModels.load(SentenceModel.ALL_MINILM_L6_V2_Q);
        switch (load) {
            case SentenceModels.Load.Ready ready -> out.println("Comparing drafts with the bank by meaning ("
                    + ready.model().name() + ") as well as by words.");
            case SentenceModels.Load.Unavailable unavailable -> err.println("Comparing drafts with the bank by words only: "
                    + unavailable.reason() + ".");
        }
        return load.loaded();
    }

    private QuestionBank loadBank(Path folder) {
        if (!Files.isDirectory(folder)) {
            err.println("No bank folder at " + folder + ": drafts are not checked against existing entries "
                    + "(use --bank FOLDER).");
            return new QuestionBank(List.of(), List.of());
        }
        try {
            QuestionBank bank = new QuestionBankLoader().load(folder);
            out.println("Checking drafts against the bank in " + folder + " (" + bank.size() + " questions).");
            return bank;
        } catch (InvalidBankException e) {
            err.println("The bank in " + folder + " is invalid (" + e.problems().size()
                    + " problems), so drafts are not checked against it. Run quizbot to see the problems.");
            return new QuestionBank(List.of(), List.of());
        }
    }

    /** A folder stands for the regular files directly inside it, in name order. */
    private static List<Path> expandFolders(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> inside = Files.list(input)) {
                    inside.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    files.add(input);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private void printFile(FileReport r) {
        if (r.failure().isPresent()) {
            err.println(r.file() + ": not imported: " + r.file().getFileName() + " " + r.failure().get());
            return;
        }
        out.printf("%s: %d parsed, %d likely duplicate%s, %d skipped%n", r.file(), r.parsed(), r.duplicates(),
                r.duplicates() == 1 ? "" : "s", r.skipped().size());
        r.skipped().forEach(s -> out.println("    skipped " + s));
    }

    private int usage(String problem) {
        err.println("quizbot import: " + problem);
        err.print(HELP);
        return USAGE;
    }
}
