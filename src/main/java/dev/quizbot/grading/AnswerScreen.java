package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * First look at an answer before anything is compared: caps the length, strips markup and
 * code, removes sentences that talk to the grader instead of answering, and turns away
 * answers with nothing to grade ("idk", emoji, an SQL string) with a plain reason.
 */
final class AnswerScreen {

    /** What is left to grade, and what the screen noticed on the way. */
    record Screened(String text, boolean truncated, boolean injection, boolean code,
                    Optional<String> nothingToGrade, List<String> notes) {
    }

    private static final Pattern TAGS = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^>]{0,200}>");
    private static final Pattern SCRIPT_BLOCKS = Pattern.compile("(?is)<\\s*(script|style)[^>]*>.*?(<\\s*/\\s*\\1\\s*>|$)");
    private static final Pattern CODE_FENCES = Pattern.compile("```[a-zA-Z]*|`");
    private static final Pattern MARKDOWN = Pattern.compile("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+[.)])\\s+|\\*\\*|__|~~|\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern SQL = Pattern.compile(
            "(?i)('?\\s*\\bor\\s+'?\\w+'?\\s*=\\s*'?\\w+'?|\\b(select\\s+.+\\s+from|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|drop\\s+(table|database)|union\\s+select|alter\\s+table|truncate\\s+table)\\b[^.!?\\n]*|'\\s*or\\s+'?1'?\\s*=\\s*'?1'?|;\\s*--.*$)");
    private static final Pattern SCRIPT = Pattern.compile(
            "(?i)(javascript:\\S*|\\b(alert|eval|document\\.\\w+|window\\.\\w+|console\\.log|os\\.system|exec|system)\\s*\\([^)]*\\)\\s*;?|\\brm\\s+-rf\\s+\\S+|\\$\\([^)]*\\)|\\{\\{[^}]*}}|\\$\\{[^}]*})");
    private static final Pattern INJECTION = Pattern.compile(
            "(?i)\\b(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(reference|rubric|instructions?|rules?|previous|above|grader|grading|answer key|prompt)\\b"
                    + "|\\b(mark|grade|score|rate|count|treat)\\s+(this|it|me|my answer|the answer|this answer)\\b.{0,30}\\b(correct|right|full|100|perfect|pass)"
                    + "|\\b(give|award)\\s+(me|this|it)\\b.{0,20}\\b(full|100|max(imum)?|all)\\b.{0,10}\\b(marks?|points?|score|credit)"
                    + "|\\b(you are|act as)\\s+(now\\s+)?(an?|the|my)?\\s*(grader|examiner|teacher|assistant|evaluator|judge|ai|language model)\\b"
                    + "|\\b(as the grader|system prompt|new instructions|grader:|assistant:|system:)"
                    + "|\\bthis answer is (correct|right|perfect)\\b");
    // Words without which SQL, SCRIPT and INJECTION cannot match: checking for them first spares
    // almost every answer the cost of those patterns (a third of the screen's time before).
    private static final List<String> SQL_WORDS = List.of("=", "select", "insert", "update", "delete", "drop", "union", "alter", "truncate", "--");
    private static final List<String> SCRIPT_WORDS = List.of("javascript:", "alert", "eval", "document.", "window.", "console.log",
            "exec", "system", "-rf", "$(", "{{", "${");
    private static final List<String> INJECTION_WORDS = List.of("ignore", "disregard", "forget", "override", "bypass", "mark", "grade",
            "score", "rate", "count", "treat", "give", "award", "you are", "act as", "system", "instructions", "grader", "assistant:",
            "this answer is");
    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[^>]*\\bon[a-z]+\\s*=|javascript:");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?;\\n])\\s+");
    // "I don't know" and its cousins, optionally followed by a few filler words ("no idea, sorry");
    // bare one-word non-answers ("pass", "ok") only when alone.
    private static final Pattern DONT_KNOW = Pattern.compile(
            "(?i)\\W*(((i\\s+)?(really\\s+)?(do\\s*n[o'’]?t|dont|have\\s+no)\\s+(know|idea|clue)|idk|dunno|no\\s+(idea|clue)|not\\s+sure|i'?m\\s+not\\s+sure|no\\s+comment)(\\W+\\w+){0,3}"
                    + "|pass|skip|\\?+|n/?a|none|nothing|no|yes|ok|okay|lol|\\.+|-+)\\W*");

    /**
     * Sentences said before add nothing, however often they are pasted; padding an answer with
     * them must not make it look longer or closer to anything. A sentence cut off by the length
     * cap that begins like an earlier one is a repeat too.
     */
    static List<String> withoutRepeats(List<String> sentences) {
        List<String> kept = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String sentence : sentences) {
            String normal = sentence.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            boolean repeat = !normal.isEmpty() && seen.stream().anyMatch(earlier -> earlier.startsWith(normal));
            if (!repeat) {
                kept.add(sentence);
                seen.add(normal);
            }
        }
        return kept;
    }

    private static boolean mentionsAny(String text, List<String> words) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return words.stream().anyMatch(lower::contains);
    }

    Screened screen(String raw) {
        List<String> notes = new ArrayList<>();
        String text = raw == null ? "" : raw;
        boolean truncated = text.length() > Grader.MAX_ANSWER_LENGTH;
        if (truncated) {
            text = text.substring(0, Grader.MAX_ANSWER_LENGTH);
            notes.add("Only the first " + Grader.MAX_ANSWER_LENGTH + " characters were graded (the answer had "
                    + raw.length() + "); interview answers are best kept to a few sentences.");
        }
        String withoutScripts = SCRIPT_BLOCKS.matcher(text).replaceAll(" ");
        String withoutMarkup = MARKDOWN.matcher(CODE_FENCES.matcher(TAGS.matcher(withoutScripts).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" $2 ");
        String withoutSql = mentionsAny(withoutMarkup, SQL_WORDS) ? SQL.matcher(withoutMarkup).replaceAll(" ") : withoutMarkup;
        String withoutCode = mentionsAny(withoutSql, SCRIPT_WORDS) ? SCRIPT.matcher(withoutSql).replaceAll(" ") : withoutSql;
        boolean code = !withoutScripts.equals(text) || !withoutCode.equals(withoutMarkup) || EVENT_HANDLER.matcher(text).find();
        if (code) {
            notes.add("Code or database commands in the answer were not graded.");
        }

        List<String> kept = new ArrayList<>();
        boolean injection = false;
        boolean mayInstruct = mentionsAny(withoutCode, INJECTION_WORDS);
        for (String sentence : SENTENCE.split(withoutCode)) {
            if (mayInstruct && INJECTION.matcher(sentence).find()) {
                injection = true;
            } else {
                kept.add(sentence);
            }
        }
        if (injection) {
            notes.add("Instructions addressed to the grader were ignored; only the answer itself was graded.");
        }
        List<String> distinct = withoutRepeats(kept);
        if (distinct.size() < kept.size()) {
            notes.add("Repeated sentences were graded once.");
        }
        String graded = String.join(" ", distinct).replaceAll("\\s+", " ").strip();

        Optional<String> nothing = Optional.empty();
        if (raw == null || raw.isBlank()) {
            nothing = Optional.of("No answer was given.");
        } else if (graded.codePoints().noneMatch(Character::isLetterOrDigit)) {
            nothing = Optional.of(injection || code
                    ? "Nothing was left to grade once the instructions to the grader and code were set aside."
                    : "The answer has no words to grade.");
        } else if (code && graded.split("\\s+").length < 3) {
            nothing = Optional.of("The answer is code or markup with too few words around it to grade.");
        } else if (DONT_KNOW.matcher(graded).matches()) {
            nothing = Optional.of("The answer says it does not know; have a look at the reference answer.");
        }
        return new Screened(graded, truncated, injection, code, nothing, notes);
    }
}
