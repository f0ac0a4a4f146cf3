package dev.quizbot.review;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quizbot.bank.BankOverlay;
import dev.quizbot.bank.InvalidBankException;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;

/**
 * {@code quizbot export-bank --output DIR [--bank FOLDER] [--db JDBC-URL]}: writes the bank
 * files with what reviewers added (the database overlay) merged in, checks that the written
 * folder loads, and says what it added. Exits 0 when written, 1 when the bank, database or
 * output fails, 2 on a usage error. Runs without starting the service.
 */
public final class ExportBankCommand {

    public static final int WRITTEN = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String DEFAULT_BANK = "questions";
    /** The service's own default database (application.yaml), read the same way. */
    static final String DEFAULT_DB = "jdbc:h2:file:./data/quizbot;DB_CLOSE_ON_EXIT=FALSE";

    private static final String HELP = """
            Usage: quizbot export-bank --output DIR [--bank FOLDER] [--db JDBC-URL]

            Writes the question bank with the answers and misconceptions reviewers added
            (kept in the database) merged in, as YAML files the bank loader accepts.
              --output DIR   folder to write topics.yaml and one file per topic into; must be
                             empty or not exist yet
              --bank FOLDER  the bank files to start from (default: questions)
              --db URL       the database (default: SPRING_DATASOURCE_URL, else the service's
                             default ./data/quizbot); user and password from
                             SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    ExportBankCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static int main(String[] args) {
        return new ExportBankCommand(System.out, System.err, System.getenv()).run(args);
    }

    int run(String[] args) {
        Path output = null;
        Path bankFolder = Path.of(DEFAULT_BANK);
        String db = env.getOrDefault("SPRING_DATASOURCE_URL", DEFAULT_DB);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(HELP);
                return WRITTEN;
            }
            if (!List.of("--output", "--bank", "--db").contains(arg)) {
                err.println("Unknown argument '" + arg + "'.");
                err.print(HELP);
                return USAGE;
            }
            if (i + 1 >= args.length) {
                err.println(arg + " needs a value.");
                return USAGE;
            }
            String value = args[++i];
            switch (arg) {
                case "--output" -> output = Path.of(value);
                case "--bank" -> bankFolder = Path.of(value);
                default -> db = value;
            }
        }
        if (output == null) {
            err.println("--output DIR is required.");
            err.print(HELP);
            return USAGE;
        }
        try {
            if (Files.isDirectory(output)) {
                try (var entries = Files.list(output)) {
                    if (entries.findAny().isPresent()) {
                        err.println(output + " is not empty; choose a new or empty folder (nothing is overwritten).");
                        return FAILED;
                    }
                }
            } else if (Files.exists(output)) {
                err.println(output + " is a file; --output takes a folder.");
                return FAILED;
            }
            QuestionBank files = new QuestionBankLoader().load(bankFolder);
            List<BankOverlay.Addition> additions = additions(db);
            QuestionBank merged = BankOverlay.merge(files, additions);
            List<Path> written = BankExport.write(merged, output);
            new QuestionBankLoader().load(output); // what we wrote must load, or the team cannot commit it
            long dormant = additions.stream().filter(a -> files.question(a.questionId()).isEmpty()).count();
            out.println("Wrote " + written.size() + " files to " + output + ": " + merged.summary() + ".");
            out.println("Merged " + (additions.size() - dormant) + " reviewer addition(s)"
                    + (dormant > 0 ? "; " + dormant + " for questions not in the bank were left out (kept in the database)" : "")
                    + ".");
            return WRITTEN;
        } catch (InvalidBankException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (SQLException e) {
            err.println("Could not read the review overlay from the database: " + e.getMessage());
            return FAILED;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            err.println("Could not write " + output + ": " + e.getMessage());
            return FAILED;
        }
    }

    private List<BankOverlay.Addition> additions(String url) throws SQLException {
        String user = env.getOrDefault("SPRING_DATASOURCE_USERNAME", "sa");
        String password = env.getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        // IFEXISTS: a mistyped H2 path must not create an empty database and export nothing silently
        String open = url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS")
                ? url + ";IFEXISTS=TRUE" : url;
        try (Connection c = DriverManager.getConnection(open, user, password);
             var statement = c.prepareStatement("SELECT question_id, kind, text FROM bank_overlay ORDER BY id");
             ResultSet rs = statement.executeQuery()) {
            List<BankOverlay.Addition> additions = new ArrayList<>();
            while (rs.next()) {
                additions.add(new BankOverlay.Addition(rs.getString(1), BankOverlay.Kind.valueOf(rs.getString(2)),
                        rs.getString(3)));
            }
            return additions;
        }
    }
}
