package dev.quizbot.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** The tokens a Lucene analyzer makes of a text, read once into a list. */
public final class AnalyzedTokens {

    /**
     * One token as the analyzer left it.
     *
     * @param term              the token's text after every filter (lower-cased, stemmed...)
     * @param positionIncrement 1 for the next word; more where a filter dropped words (stop words)
     * @param start             where the token's words begin in the original text
     * @param end               where they end (exclusive)
     */
    public record Token(String term, int positionIncrement, int start, int end) {
    }

    private AnalyzedTokens() {
    }

    /** Analyzers are thread-safe, so one shared instance may serve every caller. */
    public static List<Token> of(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), increment.getPositionIncrement(),
                        offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return tokens;
    }
}
