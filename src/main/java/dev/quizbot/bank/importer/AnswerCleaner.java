package dev.quizbot.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the raw text under a heading into a plain answer: markup, stray bullets and answer labels go,
 * and so does noise that documents converted from slides and PDFs carry: image captions, page
 * furniture (follow/like/share, page numbers, signatures), section titles, and the word fragments
 * left over from diagrams.
 */
public final class AnswerCleaner {

    private static final Pattern CAPTION = Pattern.compile(
            "^(image|figure|fig\\.?|photo|picture|diagram|chart|illustration)(\\s+(source|credit|\\d+))?\\s*[:.\\-–—].*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FURNITURE = Pattern.compile(
            "^(save|like|share|comment|repost|subscribe|follow\\b.*|page\\s+\\d+(\\s+of\\s+\\d+)?|\\d{1,4}|-{2,}.*|©.*|.*\\b(linkedin|instagram|twitter|youtube)\\b.*)$",
            Pattern.CASE_INSENSITIVE);
    /** A markdown image, {@code ![alt or caption](file "title")}: its caption is about the picture, not the answer. */
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    /** An HTML image or figure caption, as converters leave them in markdown. */
    private static final Pattern HTML_IMAGE = Pattern.compile("(?i)<img\\b[^>]*>|<figcaption>.*?</figcaption>");
    private static final Pattern ANSWER_LABEL = Pattern.compile("^(answer|ans)\\s*[-:–—.]?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET = Pattern.compile("^([-*+•·▪●◦–]\\s*)+(?=\\S)");
    private static final Pattern HEADING_MARKS = Pattern.compile("^#{1,6}\\s*");
    private static final Pattern TERMINAL = Pattern.compile(".*[.?!:;$)\"”']$");

    /** The bank's limit on a reference answer. */
    static final int MAX_ANSWER_LENGTH = 2_000;

    /** A cleaned answer, and what the cleaner had to do that a reviewer should know about. */
    public record Cleaned(String text, boolean shortened) {
    }

    public Cleaned clean(String raw) {
        List<String> kept = new ArrayList<>();
        for (String line : raw.lines().toList()) {
            String t = plain(line);
            if (t.isEmpty()) {
                continue;
            }
            boolean wrapsPrevious = !kept.isEmpty() && !TERMINAL.matcher(kept.getLast()).matches()
                    && Character.isLowerCase(t.codePointAt(0));
            if (wrapsPrevious ? !isFurniture(t) : !isNoise(t)) {
                kept.add(t);
            }
        }
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (String t : kept) {
            if (previous != null) {
                boolean wrapped = !TERMINAL.matcher(previous).matches() && Character.isLowerCase(t.codePointAt(0));
                if (!wrapped && !TERMINAL.matcher(previous).matches()) {
                    text.append('.');
                }
                text.append(' ');
            }
            text.append(t);
            previous = t;
        }
        if (previous != null && !TERMINAL.matcher(previous).matches()) {
            text.append('.');
        }
        String answer = text.toString().replaceAll("\\s+", " ").strip();
        if (answer.length() <= MAX_ANSWER_LENGTH) {
            return new Cleaned(answer, false);
        }
        int cut = answer.lastIndexOf(". ", MAX_ANSWER_LENGTH - 1);
        return new Cleaned(cut > 0 ? answer.substring(0, cut + 1) : answer.substring(0, MAX_ANSWER_LENGTH), true);
    }

    /** One line without markup; table rows become "cell; cell; cell". */
    static String plain(String line) {
        String t = MARKDOWN_IMAGE.matcher(line).replaceAll(" ");
        t = HTML_IMAGE.matcher(t).replaceAll(" ").strip();
        t = HEADING_MARKS.matcher(t).replaceFirst("");
        t = t.replace("**", "").replace("__", "").replaceAll("</?u>", "");
        t = t.replaceAll("(?<![\\w*])\\*(\\S[^*]*?)\\*(?![\\w*])", "$1");
        t = BULLET.matcher(t).replaceFirst("").strip();
        String withoutLabel = ANSWER_LABEL.matcher(t).replaceFirst("");
        if (!withoutLabel.equals(t) && (withoutLabel.isEmpty() || t.matches("(?i)^(ans|answer)\\s*[-:–—].*"))) {
            t = BULLET.matcher(withoutLabel).replaceFirst("").strip();
        }
        if (t.contains("\t")) {
            t = String.join("; ", List.of(t.split("\\s*\\t\\s*")).stream().filter(c -> !c.isBlank()).toList());
        }
        return t.strip();
    }

    private static boolean isFurniture(String t) {
        return CAPTION.matcher(t).matches() || FURNITURE.matcher(t).matches();
    }

    static boolean isNoise(String t) {
        if (isFurniture(t)) {
            return true;
        }
        boolean unterminated = !TERMINAL.matcher(t).matches() && !t.contains(":") && !t.startsWith("$");
        int words = t.split("\\s+").length;
        if (unterminated && words <= 12 && t.toLowerCase(Locale.ROOT).matches(".*\\bquestions\\b.*")) {
            return true;
        }
        // Diagram labels and signatures: a few words that end no sentence.
        return unterminated && words <= 4 && !Character.isDigit(t.codePointAt(0)) && !t.contains(";");
    }
}
