package dev.quizbot.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.util.IOUtils;

/**
 * Tells whether an answer is written in English, using the function-word lists Lucene ships
 * for its Snowball analyzers and the script of the letters. The sentence models quizbot uses
 * are English-only, so another language is named in the grade instead of being misjudged
 * in silence.
 */
final class LanguageGuess {

    private static final Map<String, String> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("English", "english_stop.txt");
        LISTS.put("French", "french_stop.txt");
        LISTS.put("German", "german_stop.txt");
        LISTS.put("Spanish", "spanish_stop.txt");
        LISTS.put("Italian", "italian_stop.txt");
        LISTS.put("Portuguese", "portuguese_stop.txt");
        LISTS.put("Dutch", "dutch_stop.txt");
        LISTS.put("Swedish", "swedish_stop.txt");
        LISTS.put("Russian", "russian_stop.txt");
    }

    private static final Map<String, CharArraySet> WORDS = new LinkedHashMap<>();

    static {
        LISTS.forEach((language, file) -> {
            try (var reader = IOUtils.getDecodingReader(
                    SnowballPorterFilterFactory.class.getResourceAsStream("/org/apache/lucene/analysis/snowball/" + file), StandardCharsets.UTF_8)) {
                WORDS.put(language, WordlistLoader.getSnowballWordSet(reader));
            } catch (IOException e) {
                throw new UncheckedIOException("Lucene's " + file + " is missing", e);
            }
        });
    }

    static boolean isEnglishFunctionWord(String lowerCaseWord) {
        return WORDS.get("English").contains(lowerCaseWord);
    }

    /** Share of function words that are English ones, in [0, 1]; 1 when the text has too few words to tell. */
    static double englishShare(List<String> words) {
        Map<String, Integer> hits = counts(words);
        int total = hits.values().stream().mapToInt(Integer::intValue).sum();
        return total < 2 ? 1.0 : hits.get("English") / (double) total;
    }

    /** The language the text seems to be written in, when clearly not English. */
    static Optional<String> notEnglish(String text, List<String> words) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long latin = text.codePoints().filter(Character::isLetter)
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        if (letters >= 4 && latin < letters * 0.5) {
            return Optional.of(scriptName(text));
        }
        Map<String, Integer> hits = counts(words);
        int english = hits.get("English");
        return hits.entrySet().stream()
                .filter(e -> !e.getKey().equals("English"))
                .filter(e -> e.getValue() >= 2 && e.getValue() > 2 * english)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }

    private static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        WORDS.keySet().forEach(language -> hits.put(language, 0));
        for (String word : words) {
            WORDS.forEach((language, set) -> {
                if (set.contains(word)) {
                    hits.merge(language, 1, Integer::sum);
                }
            });
        }
        return hits;
    }

    private static String scriptName(String text) {
        return text.codePoints().filter(Character::isLetter)
                .mapToObj(Character.UnicodeScript::of)
                .filter(s -> s != Character.UnicodeScript.LATIN)
                .findFirst()
                .map(s -> switch (s) {
                    case CYRILLIC -> "Cyrillic script (e.g. Russian)";
                    case HAN -> "Chinese characters";
                    case HIRAGANA, KATAKANA -> "Japanese";
                    case HANGUL -> "Korean";
                    case ARABIC -> "Arabic";
                    case DEVANAGARI -> "Devanagari script (e.g. Hindi)";
                    case GREEK -> "Greek";
                    case HEBREW -> "Hebrew";
                    default -> s.name().charAt(0) + s.name().substring(1).toLowerCase(java.util.Locale.ROOT) + " script";
                })
                .orElse("another language");
    }
}
