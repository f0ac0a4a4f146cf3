package dev.quizbot.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConceptSuggesterTest {

    private static final String BEAM = "Beam search keeps the k most probable partial sequences at every step, so it finds"
            + " likelier outputs than greedy decoding. A wide beam can produce bland, repetitive text; consider"
            + " length normalization and a beam width of four.";
    private static final String LORA = "LoRA freezes the pretrained weights and trains two small low-rank matrices per"
            + " layer. The low-rank matrices hold far fewer parameters than full fine-tuning updates.";
    private static final String OTHER = "Greedy decoding picks the most probable token at every step. Beam search and"
            + " sampling are the alternatives; pretrained weights stay fixed with adapters such as LoRA.";

    private final ConceptSuggester suggester = new ConceptSuggester(List.of(BEAM, LORA, OTHER));

    @Test
    void suggestsNounPhrasesNeverVerbsOrFunctionWords() {
        List<String> beam = suggester.suggest("What is beam search?", BEAM);
        List<String> lora = suggester.suggest("What is LoRA?", LORA);

        assertThat(beam).isNotEmpty().contains("greedy decoding")
                .doesNotContain("search keeps", "than greedy", "produce bland", "consider", "keeps", "finds");
        assertThat(lora).isNotEmpty().contains("low-rank matrices")
                .doesNotContain("LoRA freezes", "freezes", "trains", "hold");
        for (String concept : concat(beam, lora)) {
            assertThat(concept.split(" ")).as(concept)
                    .noneMatch(w -> List.of("than", "the", "a", "and", "so", "at", "per", "far", "can").contains(w));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
