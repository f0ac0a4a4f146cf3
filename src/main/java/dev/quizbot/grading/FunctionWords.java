package dev.quizbot.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.util.IOUtils;

/** English function words ("the", "of", "which"...), from the list Lucene ships for its Snowball analyzer. */
final class FunctionWords {

    private static final CharArraySet ENGLISH;

    static {
        try (var reader = IOUtils.getDecodingReader(
                SnowballPorterFilterFactory.class.getResourceAsStream("/org/apache/lucene/analysis/snowball/english_stop.txt"),
                StandardCharsets.UTF_8)) {
            ENGLISH = WordlistLoader.getSnowballWordSet(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's english_stop.txt is missing", e);
        }
    }

    private FunctionWords() {
    }

    static boolean isEnglish(String lowerCaseWord) {
        return ENGLISH.contains(lowerCaseWord);
    }
}
