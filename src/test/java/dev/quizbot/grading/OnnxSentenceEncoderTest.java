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
    void givenATextLongerThanMiniLmsTrainedWindow_whenEmbedded_thenOnlyItsFirst256WordPiecesAreRead() {
        String opening = "Retrieval-augmented generation grounds answers in retrieved documents. ".repeat(30); // about 300 word pieces
        String longText = opening + "The weather in Lisbon is mild in spring and the trams are yellow. ".repeat(20);

        float[] vector = SharedModel.model().embed(longText);

        // what lies past the window changes nothing: the vector is that of the opening alone
        assertThat(EmbeddingModel.cosine(vector, SharedModel.model().embed(opening))).isGreaterThan(0.99999);
        assertThat(SharedModel.model().cacheKey()).isEqualTo(SharedModel.model().name() + "@256");
    }

    @Test
    void givenSentencesPastTheWindow_whenEmbeddedWithParts_thenOnlyTheSentencesReadHaveVectors() {
        String filler = ("Furthermore, in conclusion, as mentioned above, it is important to note that this topic is relevant in many "
                + "situations that come up in practice, and that there are many aspects to consider, each of which deserves careful "
                + "attention before one settles on a view. ").repeat(6); // about 330 word pieces
        String answer = filler + "LoRA freezes the base weights and trains a low-rank update.";
        List<EmbeddingModel.Span> spans = AnswerAnalyzer.answerSpans(answer);

        EmbeddingModel.Parts parts = SharedModel.model().embedParts(answer, spans);

        assertThat(spans).hasSize(7);
        assertThat(parts.parts().size()).isEqualTo(6);
        String lora = "LoRA freezes the base weights and trains a low-rank update.";
        for (float[] part : parts.parts()) {
            assertThat(EmbeddingModel.cosine(part, langchain4j(lora))).isLessThan(0.6);
        }
    }
}
