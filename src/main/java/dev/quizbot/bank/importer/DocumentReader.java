package dev.quizbot.bank.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/** Reads one input file by its kind: {@code .csv} and {@code .json} by column/field, anything else as a text guide. */
public final class DocumentReader {

    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    private final QaDocumentParser textParser = new QaDocumentParser();
    private final CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
    private final ObjectMapper json = JsonMapper.builder().build();

    public DocumentContent read(Path file) {
        String document = file.getFileName().toString();
        String text;
        try {
            if (Files.isDirectory(file)) {
                return new DocumentContent.Unreadable("is a folder, not a file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new DocumentContent.Unreadable("is larger than 5 MB; split it into smaller files");
            }
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return new DocumentContent.Unreadable("looks like a binary file, not text, CSV or JSON");
                }
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            return new DocumentContent.Unreadable("does not exist");
        } catch (AccessDeniedException e) {
            return new DocumentContent.Unreadable("cannot be read (permission denied)");
        } catch (CharacterCodingException e) {
            return new DocumentContent.Unreadable("is not UTF-8 text; save it as UTF-8 and import it again");
        } catch (IOException e) {
            return new DocumentContent.Unreadable("cannot be read: " + e.getMessage());
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String name = document.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return readCsv(document, text);
        }
        if (name.endsWith(".json")) {
            return readJson(document, text);
        }
        return textParser.parse(document, text.lines().toList());
    }

    private DocumentContent readCsv(String document, String text) {
        List<String[]> rows = new ArrayList<>();
        try (var it = csv.readerFor(String[].class).<String[]>readValues(text)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        } catch (JacksonException e) {
            return new DocumentContent.Unreadable("is not valid CSV: " + e.getOriginalMessage() + location(e));
        }
        int questionColumn = 0;
        int answerColumn = 1;
        int first = 0;
        if (!rows.isEmpty() && indexOf(rows.get(0), "question") >= 0) {
            questionColumn = indexOf(rows.get(0), "question");
            answerColumn = indexOf(rows.get(0), "answer");
            if (answerColumn < 0) {
                return new DocumentContent.Unreadable("has a 'question' column but no 'answer' column");
            }
            first = 1;
        }
        List<ImportedEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int r = first; r < rows.size(); r++) {
            String[] row = rows.get(r);
            String question = cell(row, questionColumn);
            String answer = cell(row, answerColumn);
            if (question.isEmpty() && answer.isEmpty()) {
                continue;
            }
            if (question.isEmpty()) {
                skipped.add("row " + (r + 1) + ": no question");
            } else {
                entries.add(new ImportedEntry(document, r + 1, question, question, answer));
            }
        }
        return new DocumentContent.Read(entries, skipped);
    }

    private DocumentContent readJson(String document, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            return new DocumentContent.Unreadable("is not valid JSON: " + e.getOriginalMessage() + location(e));
        }
        if (root != null && root.isObject() && root.has("questions")) {
            root = root.get("questions");
        }
        if (root == null || !root.isArray()) {
            return new DocumentContent.Unreadable(
                    "must hold a JSON array of {\"question\": ..., \"answer\": ...} objects");
        }
        List<ImportedEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            String where = "item " + (i + 1);
            if (!item.isObject()) {
                skipped.add(where + ": not an object with 'question' and 'answer'");
                continue;
            }
            JsonNode q = item.get("question");
            JsonNode a = item.get("answer");
            String question = q != null && q.isString() ? q.asString().strip() : "";
            if (question.isEmpty()) {
                skipped.add(where + ": no 'question' text");
                continue;
            }
            String answer = a != null && a.isString() ? a.asString() : "";
            entries.add(new ImportedEntry(document, i + 1, question, question, answer));
        }
        return new DocumentContent.Read(entries, skipped);
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i] != null && header[i].strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(String[] row, int column) {
        return column < row.length && row[column] != null ? row[column].strip() : "";
    }

    private static String location(JacksonException e) {
        var loc = e.getLocation();
        return loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

}
