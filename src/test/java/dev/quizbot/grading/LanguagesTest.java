package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void aFrenchAnswerIsNamed() {
        assertThat(Languages.notEnglish("La température divise les logits avant la fonction softmax, ce qui rend la sortie plus aléatoire."))
                .contains("French");
    }

    @Test
    void aGermanAnswerIsNamed() {
        assertThat(Languages.notEnglish("Die Temperatur teilt die Logits vor der Softmax-Funktion und macht die Ausgabe zufälliger."))
                .contains("German");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "T(n) = 0, if n<2; T(n) = 2T(n/2) + n otherwise",
            "O(log n)",
            "Private, public, protected",
            "LoRA: low-rank adapters, base frozen",
            "Temperature divides the logits before the softmax, so a higher one makes sampling more random."})
    void englishFormulasAndTerseAnswersAreTakenAsEnglish(String answer) {
        assertThat(Languages.notEnglish(answer)).isEmpty();
    }
}
