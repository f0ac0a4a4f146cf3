package dev.quizbot.grading;

import java.util.List;

import dev.quizbot.grading.AnswerAnalyzer.Analysis;

/** Words a person reads next to the verdict: what was right, what was missing, what went wrong. */
final class Explanations {

    private Explanations() {
    }

    static String explain(Verdict verdict, Analysis analysis, Features features) {
        List<String> found = analysis.found();
        List<String> missed = analysis.missed();
        StringBuilder text = new StringBuilder();
        switch (verdict) {
            case CORRECT -> {
                text.append("Correct.");
                if (!found.isEmpty()) {
                    text.append(" You covered ").append(list(found)).append('.');
                }
                if (!missed.isEmpty()) {
                    text.append(" Worth adding: ").append(list(missed)).append('.');
                }
            }
            case PARTIAL -> {
                text.append("Partly correct.");
                analysis.against().ifPresent(clash -> text.append(contradiction(clash)));
                if (!found.isEmpty()) {
                    text.append(" You mentioned ").append(list(found)).append('.');
                }
                if (!missed.isEmpty()) {
                    text.append(" Missing: ").append(list(missed)).append('.');
                }
            }
            case INCORRECT -> {
                text.append("Not correct.");
                text.append(reason(analysis, features));
                if (!found.isEmpty()) {
                    text.append(" You mentioned ").append(list(found)).append(", but that is not enough.");
                }
                if (!missed.isEmpty()) {
                    text.append(" Key concepts: ").append(list(missed)).append('.');
                }
            }
        }
        if (analysis.similarity() >= 0) {
            text.append(similarity(analysis));
        }
        return text.toString();
    }

    /** Below the relevance floor: no key concept, and nothing close to the reference in meaning. */
    static String unrelated(Analysis analysis) {
        return "Not correct. It names none of the key concepts and nothing in it comes close in meaning to the reference answer."
                + (analysis.missed().isEmpty() ? "" : " Key concepts: " + list(analysis.missed()) + ".")
                + similarity(analysis);
    }

    private static String reason(Analysis analysis, Features features) {
        if (analysis.against().isPresent()) {
            return contradiction(analysis.against().get());
        }
        if (features.get("question_echo") >= 0.7) {
            return " It repeats the question rather than answering it.";
        }
        if (features.get("function_words") < 0.12 && features.get("coverage") > 0) {
            return " It lists terms without saying how they fit together.";
        }
        return " It does not say what the reference answer says.";
    }

    private static String contradiction(Contradictions.Clash clash) {
        return switch (clash) {
            case Contradictions.Opposite opposite -> " It seems to contradict the reference: it says '" + opposite.answerWord()
                    + "' where the reference says '" + opposite.referenceWord() + "'.";
            case NegatedFacts.Denial denial -> " It seems to deny what the reference states: it says not '" + denial.denied()
                    + "' where the reference says '" + denial.stated() + "'.";
            case SwappedSides.Swap swapped -> " It seems to contradict the reference by swapping the two sides: it says of '"
                    + inRunningText(swapped.answerSide()) + "' what the reference says of '" + inRunningText(swapped.referenceSide()) + "'.";
        };
    }

    /** A word quoted from the start of a sentence, as it reads mid-sentence: "Masked" → "masked", "BERT" stays. */
    private static String inRunningText(String word) {
        return word.matches("\\p{Lu}\\p{Ll}+") ? word.toLowerCase(java.util.Locale.ROOT) : word;
    }

    /** Two decimals, as {@code %.2f} would print them, without a formatter per grade. */
    private static String similarity(Analysis analysis) {
        return " Meaning similarity to the reference: "
                + java.math.BigDecimal.valueOf(analysis.similarity()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + ".";
    }

    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
