package dev.quizbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

class AnalyzedTokensTest {

    @Test
    void eachTokenKeepsItsTermThePositionGapLeftByDroppedWordsAndWhereItStandsInTheText() {
        String text = "The models are quantised";

        var tokens = AnalyzedTokens.of(new EnglishAnalyzer(), text);

        assertThat(tokens).containsExactly(
                new AnalyzedTokens.Token("model", 2, 4, 10),
                new AnalyzedTokens.Token("quantis", 2, 15, 24));
        assertThat(text.substring(tokens.get(1).start(), tokens.get(1).end())).isEqualTo("quantised");
    }

    @Test
    void aTextWithoutWordsHasNoTokens() {
        assertThat(AnalyzedTokens.of(new EnglishAnalyzer(), " ... ")).isEmpty();
    }
}
