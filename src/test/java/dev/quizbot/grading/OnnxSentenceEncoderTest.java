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
    void givenAnAnswer_whenReadForAlignment_thenTheWholeIsExactAndEveryWordPieceHasAUnitStateInsideTheText() {
        String answer = "LoRA freezes the base weights. QLoRA quantizes the base model to 4 bits.";
        EmbeddingModel.TokenStates read = SharedModel.model().tokenStates(answer);

        assertThat(EmbeddingModel.cosine(read.whole(), langchain4j(answer))).isGreaterThan(0.99999);
        assertThat(read.states()).hasSameSizeAs(read.spans()).hasSizeGreaterThan(10);
        for (int i = 0; i < read.states().size(); i++) {
            assertThat(read.spans().get(i).start()).isBetween(0, answer.length() - 1);
            assertThat(PairFeatures.dot(read.states().get(i), read.states().get(i))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void givenTwoAnswers_whenTheirWordsAreAligned_thenAWordMeetsItsOwnMeaningCloserThanAnUnrelatedOne() {
        java.util.Optional<EmbeddingModel> model = java.util.Optional.of(SharedModel.model());
        ReadText reference = ReadText.of("The retriever fetches relevant documents for the prompt.", model);
        ReadText same = ReadText.of("It retrieves the most relevant documents.", model);
        ReadText other = ReadText.of("The weather in Lisbon is mild.", model);
        float[] documents = reference.words().stream().filter(w -> w.stem().equals("document")).findFirst().orElseThrow().vector();
        double toSame = same.words().stream().mapToDouble(w -> PairFeatures.dot(documents, w.vector())).max().orElseThrow();
        double toOther = other.words().stream().mapToDouble(w -> PairFeatures.dot(documents, w.vector())).max().orElseThrow();
        assertThat(toSame).isGreaterThan(toOther);
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
    void givenWordsPastTheWindow_whenRead_thenTheyHaveNoVector() {
        String filler = ("Furthermore, in conclusion, as mentioned above, it is important to note that this topic is relevant in many "
                + "situations that come up in practice, and that there are many aspects to consider, each of which deserves careful "
                + "attention before one settles on a view. ").repeat(6); // about 330 word pieces
        ReadText read = ReadText.of(filler + "LoRA freezes the base weights.", java.util.Optional.of(SharedModel.model()));
        assertThat(read.words().getLast().vector()).isNull();
        assertThat(read.words().getFirst().vector()).isNotNull();
    }
}
