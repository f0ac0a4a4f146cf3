package dev.quizbot.grading.calibration;

import dev.quizbot.grading.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.quizbot.bank.Question;

/**
 * Measurements of benchmark answers kept on disk under {@code target/grading-measurements}, so
 * refitting and re-benchmarking do not run the sentence model over sixteen thousand answers
 * again. An entry is keyed by everything it depends on: the model, the measurement names, the
 * question (text, reference, accepted answers, concepts, misconceptions) and the answer. A change
 * to how a measurement is computed must change {@link #VERSION}.
 */
final class MeasurementCache {

    /** Bump when a measurement's computation changes without its name changing. */
    static final String VERSION = "4";

    /** Stands for an answer the screen or the language check decided. */
    static final double[] DECIDED = new double[0];

    private final Path file;
    private final Map<String, double[]> entries = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private MeasurementCache(Path file) {
        this.file = file;
    }

    static MeasurementCache open(AnswerAnalyzer analyzer) {
        String model = analyzer.model().map(EmbeddingModel::cacheKey).orElse(VerdictWeights.CONCEPTS_ONLY);
        String version = sha256(VERSION + "|" + String.join(",", AnswerAnalyzer.FEATURES)).substring(0, 12);
        Path file = Path.of("target", "grading-measurements", model.replaceAll("[^A-Za-z0-9.@-]", "_") + "-" + version + ".tsv");
        MeasurementCache cache = new MeasurementCache(file);
        if (Files.isReadable(file)) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.forEach(line -> {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        String value = line.substring(tab + 1);
                        cache.entries.put(line.substring(0, tab), value.equals("-") ? DECIDED
                                : java.util.Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble).toArray());
                    }
                });
            } catch (IOException | RuntimeException e) {
                cache.entries.clear(); // an unreadable cache is measured again, never trusted
            }
        }
        return cache;
    }

    static String key(String source, Question question, String answer, SettledAnswers examples) {
        return sha256(String.join("\u0001", source, question.id(), question.question(), question.answer(),
                String.join("\u0002", question.accept()), question.concepts().toString(),
                String.join("\u0002", question.misconceptions()), answer,
                String.join("\u0002", examples.correct()), String.join("\u0002", examples.wrong())));
    }

    Optional<double[]> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    void put(String key, double[] x) {
        entries.put(key, x);
        changed = true;
    }

    void save() {
        if (!changed) {
            return;
        }
        StringBuilder out = new StringBuilder();
        entries.forEach((key, x) -> {
            out.append(key).append('\t');
            if (x == DECIDED) {
                out.append('-');
            } else {
                for (int i = 0; i < x.length; i++) {
                    out.append(i == 0 ? "" : ",").append(x[i]);
                }
            }
            out.append('\n');
        });
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
