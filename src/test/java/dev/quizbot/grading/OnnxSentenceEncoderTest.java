package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** One pass over an answer yields langchain4j's vector for the whole and a vector per sentence. */
class OnnxSentenceEncoderTest {

    private static final AllMiniLmL6V2QuantizedEmbeddingModel LANGCHAIN4J = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);

    private static float[] langchain4j(String text) {
        return LANGCHAIN4J.embed(text).content().vector();
    }

    @Test
    void givenTheShippedModel_thenGradingUsesTheOnePassEncoder() {
        assertThat(SharedModel.model()).isInstanceOf(OnnxSentenceEncoder.class);
    }

    @Test
    void givenAText_whenEmbedded_thenTheVectorIsLangchain4jsVector() {
        String text = "LoRA freezes the base weights and learns a low-rank update.";
        assertThat(EmbeddingModel.cosine(SharedModel.model().embed(text), langchain4j(text))).isGreaterThan(0.99999);
    }

    @Test
    void givenAnAnswerOfThreeSentences_whenEmbeddedWithParts_thenTheWholeIsExactAndEachPartIsNearestItsOwnSentence() {
        String answer = "LoRA freezes the base weights. The weather in Lisbon is mild in spring. QLoRA quantizes the base model to 4 bits.";
        List<EmbeddingModel.Span> spans = AnswerAnalyzer.answerSpans(answer);
        assertThat(spans).hasSize(3);

        EmbeddingModel.Parts parts = SharedModel.model().embedParts(answer, spans);

        assertThat(EmbeddingModel.cosine(parts.whole(), langchain4j(answer))).isGreaterThan(0.99999);
        for (int i = 0; i < spans.size(); i++) {
            String sentence = answer.substring(spans.get(i).start(), spans.get(i).end());
            double own = EmbeddingModel.cosine(parts.parts().get(i), langchain4j(sentence));
            for (int j = 0; j < spans.size(); j++) {
                if (j != i) {
                    String other = answer.substring(spans.get(j).start(), spans.get(j).end());
                    assertThat(own).as("sentence %d against sentence %d", i, j)
                            .isGreaterThan(EmbeddingModel.cosine(parts.parts().get(i), langchain4j(other)));
                }
            }
            assertThat(own).isGreaterThan(0.6);
        }
    }

    @Test
    void givenATextLongerThanTheModelWindow_whenEmbedded_thenLangchain4jSplitsItAsBefore() {
        String longText = "Retrieval-augmented generation grounds answers in retrieved documents. ".repeat(80);
        assertThat(EmbeddingModel.cosine(SharedModel.model().embed(longText), langchain4j(longText))).isGreaterThan(0.99999);
        var parts = SharedModel.model().embedParts(longText, AnswerAnalyzer.answerSpans(longText));
        assertThat(parts.parts()).hasSize(AnswerAnalyzer.MAX_ANSWER_SENTENCES);
    }
}
