package dev.quizbot.bank.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.Source;
import dev.quizbot.grading.EmbeddingModel;

/**
 * Turns documents into draft entries: reads each file, cleans each answer, and gives each draft an id
 * no bank entry or other draft uses, a topic guess, difficulty {@code medium}, suggested concepts and its
 * source, flagging the ones that likely repeat a bank entry or an earlier draft. One bad file never stops
 * the others.
 */
public final class Importer {

    static final int MAX_QUESTION_LENGTH = 500;

    private final QuestionBank bank;
    private final Optional<EmbeddingModel> model;
    private final DocumentReader reader = new DocumentReader();
    private final AnswerCleaner cleaner = new AnswerCleaner();

    /** @param bank the bank drafts are checked against; an empty bank if there is none */
    public Importer(QuestionBank bank) {
        this(bank, Optional.empty());
    }

    /**
     * @param bank  the bank drafts are checked against; an empty bank if there is none
     * @param model the grader's sentence model, to find duplicates and topics by meaning as well as
     *              by words; empty: words only
     */
    public Importer(QuestionBank bank, Optional<EmbeddingModel> model) {
        this.bank = bank;
        this.model = model;
    }

    public ImportReport importFiles(List<Path> files) {
        return importFiles(files, false);
    }

    /**
     * @param generate also turn definition-style notes in text documents ("Term: explanation", a term
     *                 heading and its paragraph) into draft questions, marked as generated
     */
    public ImportReport importFiles(List<Path> files, boolean generate) {
        Map<Path, DocumentContent> contents = new LinkedHashMap<>();
        Set<ImportedEntry> generated = new HashSet<>();
        for (Path f : files) {
            DocumentContent content = reader.read(f);
            if (generate && content instanceof DocumentContent.Read read && isText(f)) {
                content = withNotes(f, read, generated);
            }
            contents.put(f, content);
        }

        List<String> corpus = new ArrayList<>();
        bank.questions().forEach(q -> corpus.add(q.answer()));
        contents.values().stream()
                .filter(DocumentContent.Read.class::isInstance)
                .flatMap(c -> ((DocumentContent.Read) c).entries().stream())
                .forEach(e -> corpus.add(cleaner.clean(e.answer()).text()));
        ConceptSuggester concepts = new ConceptSuggester(corpus);
        Optional<QuestionMeanings> meanings = model.map(m -> new QuestionMeanings(m, bank.questions()));
        TopicGuesser topics = new TopicGuesser(bank.topics(), bank.questions(), meanings);
        DuplicateFinder duplicates = new DuplicateFinder(bank.questions(), meanings);
        IdSlugs ids = new IdSlugs(bank.questions().stream().map(Question::id).collect(Collectors.toSet()));

        List<Draft> drafts = new ArrayList<>();
        List<FileReport> reports = new ArrayList<>();
        for (var file : contents.entrySet()) {
            switch (file.getValue()) {
                case DocumentContent.Unreadable(String reason) -> reports.add(FileReport.failed(file.getKey(), reason));
                case DocumentContent.Read(List<ImportedEntry> entries, List<String> skippedByReader) -> {
                    if (entries.isEmpty() && skippedByReader.isEmpty()) {
                        reports.add(FileReport.failed(file.getKey(), "contains no questions that could be recognised "
                                + "(expected headings like 'Q1. ...' or '# 1. ...?', a CSV with question and answer "
                                + "columns, or a JSON array of {question, answer}; for notes, import --generate)"));
                        continue;
                    }
                    List<String> skipped = new ArrayList<>(skippedByReader);
                    int parsed = 0;
                    int flagged = 0;
                    for (ImportedEntry e : entries) {
                        Optional<Draft> draft = draft(e, generated.contains(e), skipped, concepts, topics, duplicates, ids);
                        if (draft.isPresent()) {
                            drafts.add(draft.get());
                            parsed++;
                            flagged += draft.get().duplicateOf().isPresent() ? 1 : 0;
                        }
                    }
                    reports.add(new FileReport(file.getKey(), parsed, flagged, skipped, Optional.empty()));
                }
            }
        }
        return new ImportReport(drafts, reports);
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !name.endsWith(".csv") && !name.endsWith(".json");
    }

    /** The document's questions, then its notes turned into questions (those not on a question's line). */
    private static DocumentContent withNotes(Path file, DocumentContent.Read read, Set<ImportedEntry> generated) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(file);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return read; // the reader read it a moment ago; without its lines there are simply no notes
        }
        // Lines from a question's heading to the next one are that question's answer, not notes.
        List<Integer> questionLines = read.entries().stream().map(ImportedEntry::line).sorted().toList();
        int firstQuestion = questionLines.isEmpty() ? Integer.MAX_VALUE : questionLines.getFirst();
        List<ImportedEntry> entries = new ArrayList<>(read.entries());
        Set<String> questions = new HashSet<>();
        for (ImportedEntry note : new NoteParser().parse(file.getFileName().toString(), lines)) {
            if (note.line() < firstQuestion && questions.add(note.question())) {
                entries.add(note);
                generated.add(note);
            }
        }
        return new DocumentContent.Read(entries, read.skipped());
    }

    private Optional<Draft> draft(ImportedEntry e, boolean generatedFromNote, List<String> skipped, ConceptSuggester concepts,
            TopicGuesser topics, DuplicateFinder duplicates, IdSlugs ids) {
        String where = "line " + e.line() + " (\"" + abbreviate(e.question()) + "\")";
        if (e.question().length() > MAX_QUESTION_LENGTH) {
            skipped.add(where + ": question longer than " + MAX_QUESTION_LENGTH + " characters");
            return Optional.empty();
        }
        AnswerCleaner.Cleaned answer = cleaner.clean(e.answer());
        if (answer.text().isEmpty()) {
            skipped.add(where + ": no answer text");
            return Optional.empty();
        }
        Source source = new Source(e.document(), e.heading());
        Optional<String> duplicateOf = duplicates.duplicateOf(e.question(), source);
        String id = ids.next(e.question());
        duplicates.remember(id, e.question(), source);
        List<String> notes = answer.shortened()
                ? List.of("answer shortened to the bank's limit of " + AnswerCleaner.MAX_ANSWER_LENGTH
                        + " characters; check it still ends well")
                : List.of();
        Question entry = new Question(id, topics.guess(e.question(), answer.text()), Difficulty.MEDIUM,
                e.question(), answer.text(), concepts.suggest(e.question(), answer.text()).stream()
                        .map(dev.quizbot.bank.Concept::of).toList(),
                List.of(), List.of(source));
        return Optional.of(new Draft(entry, duplicateOf, notes, generatedFromNote));
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
