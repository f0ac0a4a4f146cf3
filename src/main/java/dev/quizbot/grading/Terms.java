package dev.quizbot.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import dev.quizbot.text.AnalyzedTokens;

/**
 * Lucene's English analysis, shared by concept matching, concept derivation and the
 * contradiction check, so that "quantised", "Quantization" and "quantizing" meet as one term.
 * Analyzers are thread-safe (components are reused per thread), so one instance serves all.
 */
final class Terms {

    /** One analysed token: its stem, the words as written, and its position (gaps where stop words were). */
    record Term(String stem, String surface, int position) {
    }

    static final Terms ENGLISH = new Terms();

    // Porter stems by suffix, so irregular forms ("frozen", "chosen") would never meet their
    // verbs; these map them onto the Porter stem of the base form.
    private static final StemmerOverrideFilter.StemmerOverrideMap IRREGULAR = irregularForms(
            "frozen froze:freez", "chosen chose:choos", "taken took:take", "given gave:give", "written wrote:write",
            "known knew:know", "hidden hid:hide", "drawn drew:draw", "shown:show", "grown grew:grow", "fed:feed",
            "built:build", "learnt:learn", "led:lead", "kept:keep", "held:hold", "sought:seek", "taught:teach",
            "thought:think", "brought:bring", "bought:bui", "fell fallen:fall", "ran:run", "began begun:begin",
            "spoke spoken:speak", "broke broken:break", "forgot forgotten:forget", "meant:mean", "lost:lose",
            "larger largest:larg", "smaller smallest:small", "better best:good", "worse worst:bad", "fewer fewest:few",
            "data:data", "indices:index", "matrices:matrix", "vertices:vertex", "criteria:criterion");

    private final Analyzer stemming = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            stream = new StemmerOverrideFilter(stream, IRREGULAR);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    // Keeps every word, stop words and negations included: the contradiction check and the
    // statement/keyword-list features need the words the stemming chain drops.
    private final Analyzer plain = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    private Terms() {
    }

    private static StemmerOverrideFilter.StemmerOverrideMap irregularForms(String... entries) {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (String entry : entries) {
            String[] parts = entry.split(":");
            for (String form : parts[0].split(" ")) {
                builder.add(form, parts[1]);
            }
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Content terms: stemmed, stop words removed, positions keep the gaps. */
    List<Term> stems(String text) {
        return run(stemming, text);
    }

    /** Content terms with where each stands in the text (for pooling a model's token states per word). */
    List<AnalyzedTokens.Token> stemTokens(String text) {
        return AnalyzedTokens.of(stemming, text);
    }

    /** Every word, lower-cased and folded, not stemmed. */
    List<String> words(String text) {
        return run(plain, text).stream().map(Term::stem).toList();
    }

    static boolean isStopWord(String lowerCaseWord) {
        return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(lowerCaseWord.toLowerCase(Locale.ROOT));
    }

    static CharArraySet stopWords() {
        return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    }

    private static List<Term> run(Analyzer analyzer, String text) {
        List<Term> terms = new ArrayList<>();
        int position = -1;
        for (AnalyzedTokens.Token token : AnalyzedTokens.of(analyzer, text)) {
            position += token.positionIncrement();
            terms.add(new Term(token.term(), text.substring(token.start(), token.end()), position));
        }
        return terms;
    }
}
