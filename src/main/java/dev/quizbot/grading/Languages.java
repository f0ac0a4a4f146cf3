package dev.quizbot.grading;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Tells answers written in another language from English ones, with Lingua's statistical
 * models. Only languages players are likely to write are loaded (memory), and only text with
 * enough words is judged at all: formulas and terse answers ("T(n) = 0, if n<2", "O(log n)")
 * say too little about their language and are taken as English.
 */
final class Languages {

    /** Fewer words of two letters or more than this and the text is not judged. */
    static final int MIN_WORDS = 4;
    /** English may score at most this, relative to the likeliest language, for an answer to be turned away. */
    static final double MAX_ENGLISH = 0.85;

    private static final List<Language> LOADED = List.of(Language.ENGLISH, Language.FRENCH, Language.GERMAN,
            Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.RUSSIAN,
            Language.POLISH, Language.TURKISH, Language.CHINESE, Language.JAPANESE, Language.KOREAN,
            Language.HINDI, Language.ARABIC, Language.VIETNAMESE, Language.INDONESIAN, Language.UKRAINIAN);

    private static final LanguageDetector DETECTOR = LanguageDetectorBuilder
            .fromLanguages(LOADED.toArray(Language[]::new))
            .withLowAccuracyMode()
            .build();

    private Languages() {
    }

    private static boolean mostlyEnglishFunctionWords(String text) {
        List<String> words = Terms.ENGLISH.words(text);
        long english = words.stream().filter(FunctionWords::isEnglish).count();
        return english >= 3 && english * 5 >= words.size();
    }

    /** The language's English name when the text is confidently not English. */
    static Optional<String> notEnglish(String text) {
        long words = text.codePoints().filter(Character::isLetter).count() == 0 ? 0
                : java.util.Arrays.stream(text.split("[^\\p{L}]+")).filter(w -> w.codePointCount(0, w.length()) >= 2).count();
        boolean ideographic = text.codePoints().anyMatch(c -> Character.isIdeographic(c)
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
        if (words < MIN_WORDS && !ideographic) {
            return Optional.empty();
        }
        if (!ideographic && mostlyEnglishFunctionWords(text)) {
            return Optional.empty(); // plainly English: spare Lingua's work, most answers end here
        }
        Map<Language, Double> confidence = DETECTOR.computeLanguageConfidenceValues(text);
        if (confidence.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<Language, Double> top = confidence.entrySet().iterator().next();
        double english = confidence.getOrDefault(Language.ENGLISH, 0.0);
        // Lingua gives the likeliest language 1.0 and the others relative to it
        if (top.getKey() == Language.ENGLISH || english > MAX_ENGLISH) {
            return Optional.empty();
        }
        String name = top.getKey().name().toLowerCase(Locale.ROOT);
        return Optional.of(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }
}
