package dev.quizbot.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the question headings of a plain-text or markdown interview guide and the answer text under
 * each. Guides come in two families:
 * <ul>
 * <li>{@code Q12. ...} headings, each followed by its answer (often {@code Ans - ...});</li>
 * <li>numbered headings ({@code # 3. Question?}, {@code 3. Question?}, at any markdown level) whose
 * answers contain numbered sub-steps of their own ({@code # 3. Adjust Model Parameters:}).</li>
 * </ul>
 * In the numbered family the numbers cannot be trusted (converted documents restart, repeat, skip and
 * lose them), so a heading counts as a question by its shape: sub-steps are labels (they end in a colon
 * or read {@code Label: text}), or they form a run that starts again at 1 and counts up; questions read
 * as questions, or carry a number outside such a run once the question list has begun. Numbered notes
 * before the first question ({@code 1. Definition}, {@code 2. Core Concepts}) are a run, not questions.
 */
public final class QaDocumentParser {

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})\\s*(.*)$");
    private static final Pattern Q_STYLE = Pattern.compile("^Q(\\d[\\dOo]*)\\s*[.):]\\s*(\\S.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})\\s*[.)]\\s+(\\S.*)$");
    private static final Pattern NUMBER_LOST = Pattern.compile("^[.)]\\s+(\\S.*)$");
    private static final Pattern INLINE_LABEL = Pattern.compile("^[^:?]{1,60}:\\s+\\S.*");
    private static final Pattern BULLET = Pattern.compile("^([-*+•·▪●◦]|\\d+\\))\\s+.*");
    private static final Pattern TERMINATED = Pattern.compile(".*[?.!:]$");

    static final Set<String> QUESTION_WORDS = Set.of(
            "what", "what's", "whats", "how", "why", "when", "where", "which", "who", "whom", "whose",
            "is", "are", "can", "could", "do", "does", "did", "should", "would", "will", "in",
            "explain", "explaining", "describe", "define", "compare", "contrast", "discuss", "write",
            "list", "name", "give", "differentiate", "distinguish", "derive", "outline", "state",
            "summarize", "summarise", "identify", "evaluate", "illustrate", "difference", "you're");

    /** Section labels inside answers that are never questions, even where a number went missing. */
    private static final Set<String> GENERIC_LABELS = Set.of(
            "definition", "example", "examples", "answer", "techniques", "advantages", "disadvantages",
            "challenges", "mechanism", "steps", "benefits", "applications", "solution", "solutions",
            "strategies", "metrics", "process", "limitations", "overview", "summary", "note");

    /** A line that could be a heading, with markup removed from {@link #text}. */
    private record Candidate(int index, int level, boolean qStyle, Integer number, boolean numberLost, String text) {
    }

    public DocumentContent.Read parse(String document, List<String> lines) {
        List<Candidate> candidates = candidates(lines);
        List<Candidate> qStyle = candidates.stream().filter(Candidate::qStyle).toList();
        List<Candidate> questions = qStyle.isEmpty() ? numberedQuestions(candidates) : qStyle;

        List<ImportedEntry> entries = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            Candidate c = questions.get(q);
            int headingEnd = c.index();
            StringBuilder heading = new StringBuilder(lines.get(c.index()).strip());
            StringBuilder question = new StringBuilder(c.text());
            int next = q + 1 < questions.size() ? questions.get(q + 1).index() : lines.size();
            for (int j = nextNonBlank(lines, headingEnd + 1, next); j >= 0 && continues(question, lines.get(j));
                    j = nextNonBlank(lines, headingEnd + 1, next)) {
                heading.append(' ').append(lines.get(j).strip());
                question.append(' ').append(unmark(lines.get(j).strip()));
                headingEnd = j;
            }
            String answer = String.join("\n", lines.subList(Math.min(headingEnd + 1, next), next));
            entries.add(new ImportedEntry(document, c.index() + 1, heading.toString(),
                    questionText(question.toString()), answer));
        }
        return new DocumentContent.Read(entries, List.of());
    }

    private static List<Candidate> candidates(List<String> lines) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String trimmed = lines.get(i).strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int level = 0;
            String body = trimmed;
            Matcher md = MARKDOWN_HEADING.matcher(trimmed);
            if (md.matches()) {
                level = md.group(1).length();
                body = md.group(2);
            } else if (BULLET.matcher(trimmed).matches()) {
                continue;
            }
            body = unmark(body);
            Matcher q = Q_STYLE.matcher(body);
            Matcher n = NUMBERED.matcher(body);
            if (q.matches()) {
                int number = Integer.parseInt(q.group(1).replace('o', '0').replace('O', '0'));
                candidates.add(new Candidate(i, level, true, number, false, q.group(2).strip()));
            } else if (n.matches()) {
                candidates.add(new Candidate(i, level, false, Integer.parseInt(n.group(1)), false, n.group(2).strip()));
            } else if (level > 0 && NUMBER_LOST.matcher(body).matches()) {
                candidates.add(new Candidate(i, level, false, null, true, body.substring(1).strip()));
            } else if (level > 0) {
                candidates.add(new Candidate(i, level, false, null, false, body));
            }
        }
        return candidates;
    }

    private static List<Candidate> numberedQuestions(List<Candidate> candidates) {
        List<Candidate> questions = new ArrayList<>();
        Integer subStep = null;
        int nextQuestion = 1;
        for (Candidate c : candidates) {
            if (c.numberLost()) {
                if (looksLikeQuestion(c.text())) {
                    questions.add(c);
                    subStep = null;
                }
                continue;
            }
            if (c.number() == null || isLabel(c.text())) {
                continue;
            }
            int n = c.number();
            boolean questionLike = looksLikeQuestion(c.text());
            if (subStep != null && n == subStep && !(questionLike && n == nextQuestion)) {
                subStep++;
            } else if (questionLike || (n != 1 && !questions.isEmpty())) {
                questions.add(c);
                nextQuestion = n + 1;
                subStep = null;
            } else if (n == 1) {
                subStep = 2;
            }
        }
        return withLostNumbers(candidates, questions);
    }

    /**
     * A list that skips exactly one number with a top-level heading in the gap lost that number in
     * conversion ({@code # 7. ...}, {@code # **Quantization:**}, {@code ## 9. ...}).
     */
    private static List<Candidate> withLostNumbers(List<Candidate> candidates, List<Candidate> questions) {
        List<Candidate> result = new ArrayList<>(questions);
        for (int k = 0; k + 1 < questions.size(); k++) {
            Candidate a = questions.get(k);
            Candidate b = questions.get(k + 1);
            if (a.number() == null || b.number() == null || b.number() != a.number() + 2) {
                continue;
            }
            candidates.stream()
                    .filter(c -> c.index() > a.index() && c.index() < b.index())
                    .filter(c -> c.level() == 1 && c.number() == null && !c.numberLost())
                    .filter(c -> !GENERIC_LABELS.contains(firstWord(c.text()).replace(":", "")))
                    .findFirst()
                    .ifPresent(result::add);
        }
        result.sort((x, y) -> Integer.compare(x.index(), y.index()));
        return result;
    }

    /** A wrapped heading goes on in lower case, or ends in a question mark a few words later. */
    private static boolean continues(CharSequence headingSoFar, String line) {
        String next = line.strip();
        if (TERMINATED.matcher(headingSoFar).matches() || next.startsWith("#")
                || BULLET.matcher(next).matches() || NUMBERED.matcher(next).matches()
                || Q_STYLE.matcher(next).matches()) {
            return false;
        }
        return Character.isLowerCase(next.codePointAt(0))
                || (next.endsWith("?") && next.split("\\s+").length <= 8);
    }

    private static int nextNonBlank(List<String> lines, int from, int before) {
        for (int j = from; j < before && j < from + 3; j++) {
            if (!lines.get(j).isBlank()) {
                return j;
            }
        }
        return -1;
    }

    static boolean looksLikeQuestion(String text) {
        return text.endsWith("?") || QUESTION_WORDS.contains(firstWord(text));
    }

    private static boolean isLabel(String text) {
        return text.endsWith(":") || (INLINE_LABEL.matcher(text).matches() && !text.endsWith("?"));
    }

    private static String firstWord(String text) {
        String[] words = text.strip().split("\\s+", 2);
        return words[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z':’]", "").replace('’', '\'');
    }

    /** Removes emphasis markup and decorative bullets that documents put inside headings. */
    static String unmark(String text) {
        String t = text.replace("**", "").replace("__", "").replaceAll("</?u>", "");
        t = t.replaceAll("^[•·▪●◦]\\s*", "");
        return t.strip();
    }

    private static String questionText(String raw) {
        String t = unmark(raw);
        Matcher q = Q_STYLE.matcher(t);
        Matcher n = NUMBERED.matcher(t);
        if (q.matches()) {
            t = q.group(2);
        } else if (n.matches()) {
            t = n.group(2);
        } else if (NUMBER_LOST.matcher(t).matches()) {
            t = t.substring(1);
        }
        t = t.replaceAll("\\s+", " ").strip();
        return t.endsWith(":") ? t.substring(0, t.length() - 1).strip() : t;
    }
}
