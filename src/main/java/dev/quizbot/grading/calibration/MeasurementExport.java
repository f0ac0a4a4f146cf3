package dev.quizbot.grading.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.quizbot.grading.AnswerAnalyzer;

/**
 * Writes every measured answer as one tab-separated line (group, source, kind, label,
 * contradictory, then each measurement by name), so the measurements can be studied with other
 * tools without running the sentence model again. Answers the screen decided have empty
 * measurements.
 */
final class MeasurementExport {

    private MeasurementExport() {
    }

    static Path file(Path folder, String model) {
        return folder.resolve("measurements-" + model.replaceAll("[^A-Za-z0-9.-]", "_") + ".tsv");
    }

    static void write(Path folder, String model, List<CalibrationData.Row> dev, List<CalibrationData.Row> semeval) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", Stream.concat(Stream.of("group", "source", "kind", "label", "contradictory"),
                AnswerAnalyzer.FEATURES.stream()).toList()));
        Stream.concat(dev.stream(), semeval.stream()).forEach(r -> {
            String measured = r.decided() ? ""
                    : java.util.Arrays.stream(r.x()).mapToObj(Double::toString).collect(Collectors.joining("\t"));
            lines.add(String.join("\t", clean(r.group()), r.source(), clean(r.kind()), r.label().label(),
                    r.contradictory() ? "1" : "0") + (measured.isEmpty() ? "" : "\t" + measured));
        });
        try {
            Files.createDirectories(folder);
            Files.write(file(folder, model), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String clean(String text) {
        return text.replaceAll("[\\t\\r\\n]", " ");
    }
}
