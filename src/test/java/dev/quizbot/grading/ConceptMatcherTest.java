package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quizbot.bank.Concept;

class ConceptMatcherTest {

    private final ConceptMatcher matcher = new ConceptMatcher();

    private boolean found(Concept concept, String answer) {
        return matcher.match(List.of(concept), Terms.ENGLISH.stems(answer)).getFirst().found();
    }

    @Test
    void inflectionsCaseAndAccentsMeetThroughTheEnglishAnalysis() {
        assertThat(found(Concept.of("quantization"), "The model is QUANTIZED to 4 bits")).isTrue();
        assertThat(found(Concept.of("retrieves documents"), "document retrieval")).isTrue();
        assertThat(found(Concept.of("retrieve documents"), "it retrieved the documents")).isTrue();
        assertThat(found(Concept.of("frozen weights"), "the model's frozen WEIGHTS")).isTrue();
        assertThat(found(Concept.of("naive bayes"), "a naïve Bayes classifier")).isTrue();
    }

    @Test
    void multiWordConceptsMatchWithinASmallWindowInAnyOrder() {
        Concept concept = Concept.of("frozen weights");
        assertThat(found(concept, "the weights are kept frozen")).isTrue();
        assertThat(found(concept, "the weights of the base model, which has many layers and heads, are frozen")).isFalse();
        assertThat(found(Concept.of("low-rank"), "a low rank update")).isTrue();
        assertThat(found(Concept.of("low-rank"), "a lowrank update")).isTrue();
    }

    @Test
    void longerWordsTolerateTyposButShortOnesDoNot() {
        assertThat(found(Concept.of("quantization"), "quantizaton to four bits")).isTrue();
        assertThat(found(Concept.of("regularization"), "regularisaton helps")).isTrue();
        assertThat(found(Concept.of("bias"), "bass")).isFalse();
        assertThat(found(Concept.of("pretrained"), "it is retrained")).isFalse();
    }

    @Test
    void abbreviationsMatchOnlyAsWholeWordsIgnoringCase() {
        Concept peft = Concept.of("parameter-efficient", "PEFT");
        assertThat(found(peft, "it is a peft method")).isTrue();
        assertThat(found(peft, "it is a PEFT method")).isTrue();
        assertThat(found(Concept.of("LoRA"), "QLoRA quantizes the base")).isFalse();
        assertThat(found(Concept.of("RAG"), "RAG retrieves documents")).isTrue();
        assertThat(found(Concept.of("RAG"), "a rag-tag team")).isTrue();
        assertThat(found(Concept.of("RAG"), "storage")).isFalse();
    }

    @Test
    void conceptsAreDerivedFromWhatTheReferenceAddsToTheQuestion() {
        List<Concept> derived = new ConceptDeriver().derive(
                "You used several methods to separate and identify the substances in mock rocks. How did you separate the salt from the water?",
                "The water was evaporated, leaving the salt.");
        assertThat(derived).hasSizeBetween(ConceptDeriver.MIN_CONCEPTS, ConceptDeriver.MAX_CONCEPTS);
        assertThat(derived.getFirst().phrase()).isEqualTo("evaporated");

        List<Concept> lora = new ConceptDeriver().derive(PilotBank.LORA.question(), PilotBank.LORA.answer());
        assertThat(lora).hasSizeBetween(3, 5);
        assertThat(lora).extracting(Concept::phrase).doesNotContain("LoRA", "lora").contains("weights", "quantized");
    }
}
