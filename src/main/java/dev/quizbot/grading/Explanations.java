package dev.quizbot.grading;

import java.util.List;

import dev.quizbot.grading.AnswerAnalyzer.Analysis;

/**
 * Words a person reads next to the verdict: what was right, what was missing, what went wrong.
 * Every sentence agrees with the verdict: a correct answer is never told it missed everything,
 * an incorrect one is never told it was nearly right.
 */
final class Explanations {

    /** The contradiction model's probability above which an incorrect answer is called a contradiction. */
    static final double SAYS_OPPOSITE = 0.5;

    private Explanations() {
    }

    static String explain(VerdictModel.Decision decision, Analysis analysis) {
        List<String> found = analysis.found();
        List<String> missed = analysis.missed();
        StringBuilder text = new StringBuilder();
        switch (decision.verdict()) {
            case CORRECT -> {
                text.append("Correct.");
                if (!found.isEmpty()) {
                    text.append(" You covered ").append(list(found)).append('.');
                }
                if (!missed.isEmpty() && !found.isEmpty()) {
                    text.append(" The reference also mentions ").append(list(missed)).append('.');
                } else if (!missed.isEmpty()) {
                    text.append(" You said it in your own words; the reference puts it as ").append(list(missed)).append('.');
                }
            }
            case PARTIAL -> {
                text.append("Partly correct.");
                if (!found.isEmpty() && !missed.isEmpty()) {
                    text.append(" You mentioned ").append(list(found)).append("; missing: ").append(list(missed)).append('.');
                } else if (!missed.isEmpty()) {
                    text.append(" It is on the right track but vague; the key ideas are ").append(list(missed)).append('.');
                } else {
                    text.append(" It names the key ideas but does not explain them as fully as the reference does.");
                }
            }
            case INCORRECT -> {
                text.append("Not correct.");
                text.append(reason(decision, analysis));
                if (!missed.isEmpty()) {
                    text.append(" Key concepts: ").append(list(missed)).append('.');
                }
            }
        }
        if (analysis.similarity() >= 0) {
            text.append(" Meaning similarity to the reference: ")
                    .append(java.math.BigDecimal.valueOf(analysis.similarity()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                    .append('.');
        }
        return text.toString();
    }

    private static String reason(VerdictModel.Decision decision, Analysis analysis) {
        if (analysis.clash().isPresent()) {
            // the contradiction and denial rules name the words that clash: the clearest reason there is
            return contradiction(analysis.clash().get());
        }
        if (analysis.misconception().isPresent()) {
            return " It comes close to a common mistake: \"" + analysis.misconception().get() + "\"";
        }
        if (decision.pContradictory() >= SAYS_OPPOSITE) {
            return " It seems to say something the reference contradicts.";
        }
        if (!analysis.found().isEmpty()) {
            return " It uses some of the right terms (" + list(analysis.found()) + ") but does not say what the reference says.";
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

    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
