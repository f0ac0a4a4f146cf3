package dev.quizbot.bank.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionYaml;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes drafts as bank YAML: to one file when the output names a {@code .yaml}/{@code .yml} file, else
 * into a folder, one file per guessed topic, like the bank itself. Never overwrites: when a file is
 * already there the drafts go to a new file alongside it ({@code name-2.yaml}, ...). Notes for the
 * reviewer (likely duplicates, shortened answers) are YAML comments above the entry they concern, so
 * the file stays valid against the bank's schema.
 */
public final class DraftWriter {

    /**
     * @param file      the file written
     * @param requested the file that was asked for, when it existed and {@code file} was written beside it
     */
    public record Written(Path file, int drafts, Optional<Path> requested) {
    }

    private static final String HEADER = """
            # Draft questions made by 'quizbot import'. Review each entry before moving it into the bank:
            # check the answer is correct and in our own words (2-5 sentences), choose the topic (the bank
            # rejects the placeholder 'imported'), and refine the suggested concepts and the difficulty.
            # Entries marked LIKELY DUPLICATE repeat a bank entry or an earlier draft: add their source
            # to that entry instead of keeping them.
            """;

    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    public List<Written> write(List<Draft> drafts, Path output) throws IOException {
        if (drafts.isEmpty()) {
            return List.of();
        }
        if (isFileTarget(output)) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return List.of(writeNew(output, drafts));
        }
        Files.createDirectories(output);
        Map<String, List<Draft>> byTopic = new LinkedHashMap<>();
        drafts.forEach(d -> byTopic.computeIfAbsent(d.entry().topic(), t -> new ArrayList<>()).add(d));
        List<Written> written = new ArrayList<>();
        for (var topic : byTopic.entrySet()) {
            written.add(writeNew(output.resolve(topic.getKey() + ".yaml"), topic.getValue()));
        }
        return written;
    }

    /** A {@code .yaml}/{@code .yml} name, or an existing file, means one file; anything else a folder. */
    static boolean isFileTarget(Path output) {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(output) || (!Files.isDirectory(output) && (name.endsWith(".yaml") || name.endsWith(".yml")));
    }

    String render(List<Draft> drafts) {
        StringBuilder out = new StringBuilder(HEADER);
        for (Draft d : drafts) {
            out.append('\n');
            if (d.generated()) {
                out.append(comment("GENERATED from a note: the question is made up from its term; check it asks what"
                        + " the answer (the note as written) tells, or drop it"));
            }
            d.duplicateOf().ifPresent(dup -> out.append(comment("LIKELY DUPLICATE of " + dup)));
            d.notes().forEach(n -> out.append(comment("NOTE: " + n)));
            out.append(yaml.writeValueAsString(List.of(QuestionYaml.entry(d.entry()))));
        }
        return out.toString();
    }

    private Written writeNew(Path requested, List<Draft> drafts) throws IOException {
        String content = render(drafts);
        Path target = requested;
        for (int n = 2; ; n++) {
            try {
                Files.writeString(target, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                return new Written(target, drafts.size(), target.equals(requested) ? Optional.empty() : Optional.of(requested));
            } catch (FileAlreadyExistsException e) {
                target = alongside(requested, n);
            }
        }
    }

    private static Path alongside(Path file, int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String sibling = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return file.resolveSibling(sibling);
    }

    private static String comment(String text) {
        return "# " + text.replaceAll("\\s+", " ").strip() + "\n";
    }
}
