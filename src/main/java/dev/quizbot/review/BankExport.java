package dev.quizbot.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionYaml;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a bank as the YAML files the loader reads: {@code topics.yaml} and one file per
 * topic, every field the loader knows (concept synonyms included), so the written folder
 * loads back as the same bank.
 */
final class BankExport {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private BankExport() {
    }

    /** The files written, topics first. */
    static List<Path> write(QuestionBank bank, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new java.util.ArrayList<>();
        Path topics = folder.resolve(QuestionBankLoader.TOPICS_FILE);
        Files.writeString(topics, YAML.writeValueAsString(bank.topics().stream().map(t -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("slug", t.slug());
            entry.put("name", t.name());
            if (!t.description().isBlank()) {
                entry.put("description", t.description());
            }
            return entry;
        }).toList()));
        written.add(topics);
        Map<String, List<Map<String, Object>>> byTopic = new TreeMap<>();
        for (Question q : bank.questions()) {
            byTopic.computeIfAbsent(q.topic(), t -> new java.util.ArrayList<>()).add(QuestionYaml.entry(q));
        }
        for (var topic : byTopic.entrySet()) {
            Path file = folder.resolve(topic.getKey() + ".yaml");
            Files.writeString(file, YAML.writeValueAsString(topic.getValue()));
            written.add(file);
        }
        return written;
    }
}
