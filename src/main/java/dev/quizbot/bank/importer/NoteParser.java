package dev.quizbot.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds definition-style notes in a document that is not written as questions and answers, for
 * {@code import --generate}: a term and its explanation on one line ("Pretraining: The model learns
 * general language representations..."), or a term heading ending in a colon, or a markdown heading,
 * followed by its paragraph ("Tokenization:" then "Text is broken into smaller units..."). Each
 * becomes a question ("What is pretraining?") with the note as its answer. Lists of examples and
 * fragments without a verb are left alone: they answer no question on their own.
 */
final class NoteParser {

    /** "Term: explanation", the term at most six words, numbered or bulleted or not. */
    private static final Pattern INLINE = Pattern.compile("^(?:\\d{1,2}[.)]\\s*)?([A-Z][^:?!.;]{1,70}?)\\s*:\\s+(\\S.*)$");
    /** "Term:" alone on its line, or a markdown heading. */
    private static final Pattern TERM_HEADING = Pattern.compile("^(?:(?:\\d{1,2}[.)]\\s*)?([A-Z][^:?!.;]{1,70}?)\\s*:|#{1,6}\\s+([^?]{2,70}))$");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+\\S.*");
    private static final Pattern NUMBERED_TITLE = Pattern.compile("^\\d{1,2}[.)]\\s+\\S.*");
    private static final Pattern TERMINAL = Pattern.compile(".*[.!)\"”]$");
    private static final int MAX_TERM_WORDS = 6;
    private static final int MIN_EXPLANATION_WORDS = 6;
    private static final int MAX_EXPLANATION_SENTENCES = 4;
    /** Section titles of notes; no one asks "What is Examples?". */
    private static final Set<String> GENERIC = Set.of("definition", "definitions", "introduction", "overview", "summary",
            "conclusion", "conclusions", "example", "examples", "note", "notes", "applications", "key features",
            "core concepts", "strengths", "weaknesses", "limitations", "challenges", "advantages", "disadvantages",
            "references", "source", "sources", "image source", "answer", "ans", "question", "tip", "tips", "features",
            "use cases", "benefits", "types", "steps", "process", "training process", "future directions", "objective",
            "objectives", "dataset", "datasets", "output", "outputs", "input", "inputs", "healthcare", "finance", "gaming",
            "education", "business", "marketing", "legal", "purpose", "goal", "goals", "result", "results");

    private final PartsOfSpeech partsOfSpeech = new PartsOfSpeech();
    private final AnswerCleaner cleaner = new AnswerCleaner();

    List<ImportedEntry> parse(String document, List<String> lines) {
        List<ImportedEntry> notes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = AnswerCleaner.plain(lines.get(i));
            String raw = lines.get(i).strip();
            Matcher inline = INLINE.matcher(line);
            // plain() drops a markdown heading's marks, so a "## Term" heading is matched as written
            Matcher heading = TERM_HEADING.matcher(MARKDOWN_HEADING.matcher(raw).matches() ? raw : line);
            Optional<ImportedEntry> note = Optional.empty();
            if (heading.matches()) {
                String term = heading.group(1) != null ? heading.group(1) : heading.group(2);
                note = note(document, i + 1, lines.get(i).strip(), term, paragraphAfter(lines, i + 1));
            } else if (inline.matches()) {
                StringBuilder explanation = new StringBuilder(inline.group(2));
                // a wrapped line carries on in lower case after a line that ends no sentence
                for (int j = i + 1; j < lines.size() && !TERMINAL.matcher(explanation).matches(); j++) {
                    String next = AnswerCleaner.plain(lines.get(j));
                    if (next.isEmpty()) {
                        continue;
                    }
                    if (!Character.isLowerCase(next.codePointAt(0))) {
                        break;
                    }
                    explanation.append(' ').append(next);
                }
                note = note(document, i + 1, lines.get(i).strip(), inline.group(1), explanation.toString());
            }
            note.ifPresent(notes::add);
        }
        return notes;
    }

    /** The sentences after a term heading, up to the next heading, term or blank-separated title. */
    private static String paragraphAfter(List<String> lines, int from) {
        StringBuilder paragraph = new StringBuilder();
        for (int j = from; j < lines.size(); j++) {
            String next = AnswerCleaner.plain(lines.get(j));
            if (next.isEmpty()) {
                continue;
            }
            if (MARKDOWN_HEADING.matcher(lines.get(j).strip()).matches() || INLINE.matcher(next).matches() || TERM_HEADING.matcher(next).matches() || NUMBERED_TITLE.matcher(next).matches()
                    || (!paragraph.isEmpty() && TERMINAL.matcher(paragraph).matches() && !TERMINAL.matcher(next).matches())) {
                break;
            }
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(next);
        }
        return paragraph.toString();
    }

    private Optional<ImportedEntry> note(String document, int line, String heading, String rawTerm, String rawExplanation) {
        String term = rawTerm.strip().replaceAll("\\s+", " ");
        // a closing "Examples:" or "Common objectives include:" announces a list that did not come along
        String explanation = cleaner.clean(rawExplanation).text().replaceAll("(?:^|(?<=[.!?])\\s)[^.!?]*:$", "").strip();
        List<String> sentences = List.of(explanation.split("(?<=[.!?])\\s+"));
        boolean termLooksLikeOne = term.split(" ").length <= MAX_TERM_WORDS && term.chars().anyMatch(Character::isLetter)
                && !GENERIC.contains(term.toLowerCase(Locale.ROOT));
        boolean explains = explanation.split("\\s+").length >= MIN_EXPLANATION_WORDS && sentences.size() <= MAX_EXPLANATION_SENTENCES
                && hasVerb(explanation) && !startsWithCommand(explanation) && !startsWithCommand(term);
        if (!termLooksLikeOne || !explains) {
            return Optional.empty();
        }
        return Optional.of(new ImportedEntry(document, line, heading, question(term), explanation));
    }

    /**
     * An explanation says something of its term, so it has a finite verb ("is broken", "learns",
     * "predicts"); a list of uses ("Summarizing articles, documents, or meetings.", "Automated email
     * drafting") has only participles, and a fragment ("Use of sparse models.") none.
     */
    private boolean hasVerb(String text) {
        PartsOfSpeech.Tagged tags = partsOfSpeech.tag(text);
        for (Matcher word = Pattern.compile("\\p{L}+").matcher(text); word.find(); ) {
            String tag = tags.tagOf(word.start(), word.end());
            String lower = word.group().toLowerCase(Locale.ROOT);
            boolean participle = lower.endsWith("ing") || lower.endsWith("ed");
            if (tag.equals("AUX") || (tag.equals("VERB") && !participle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A step of a procedure ("Collect Human Feedback:", "Use curated datasets...") tells what to do,
     * not what something is: its first word is a verb in the base form.
     */
    private boolean startsWithCommand(String text) {
        Matcher first = Pattern.compile("\\p{L}[\\p{L}-]*").matcher(text);
        if (!first.find() || first.start() > 0) {
            return false;
        }
        String word = first.group().toLowerCase(Locale.ROOT);
        boolean baseForm = !word.endsWith("s") && !word.endsWith("ed") && !word.endsWith("ing");
        PartsOfSpeech.Tagged tags = partsOfSpeech.tag(text);
        Matcher second = Pattern.compile("\\p{L}+").matcher(text);
        String after = second.find(first.end()) ? tags.tagOf(second.start(), second.end()) : "X";
        // "Text is broken...": a noun the tagger took for a verb, since a command is not followed by a verb
        return baseForm && tags.tagOf(first.start(), first.end()).equals("VERB") && !after.equals("AUX") && !after.equals("VERB");
    }

    /** "What is X?", or "What are X?" for a plural term ("Embeddings", not "RLHF" or "Loss"). */
    static String question(String term) {
        String head = term.replaceAll("\\s*\\([^)]*\\)$", "");
        String last = head.substring(head.lastIndexOf(' ') + 1);
        boolean plural = last.length() > 3 && last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("is")
                && !last.endsWith("us") && !last.equals(last.toUpperCase(Locale.ROOT));
        return (plural ? "What are " : "What is ") + term + "?";
    }
}
