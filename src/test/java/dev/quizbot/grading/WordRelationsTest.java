package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WordNet through extjwnl: opposites found by lemma, so inflected forms meet. */
class WordRelationsTest {

    private final WordRelations wordnet = WordRelations.WORDNET;

    @Test
    void wordNetLoadsFromItsArtifact() {
        assertThat(wordnet.available()).isTrue();
    }

    @Test
    void inflectedOppositesMeet() {
        assertThat(wordnet.opposite("higher", "lower")).isTrue();
        assertThat(wordnet.opposite("increases", "decreases")).isTrue();
        assertThat(wordnet.opposite("more", "less")).isTrue();
    }

    @Test
    void relatedWordsThatAreNotOppositesDoNotMeet() {
        assertThat(wordnet.opposite("higher", "larger")).isFalse();
        assertThat(wordnet.opposite("random", "creative")).isFalse();
        assertThat(wordnet.opposite("softmax", "logits")).isFalse();
    }
}
