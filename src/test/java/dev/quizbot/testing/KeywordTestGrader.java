package dev.quizbot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.quizbot.bank.Concept;
import dev.quizbot.bank.Question;
import dev.quizbot.grading.Grade;
import dev.quizbot.grading.Grader;
import dev.quizbot.grading.Verdict;

/**
 * A predictable stand-in grader for tests of the round machinery: score is the share of
 * concepts the answer mentions (any form, case-insensitive); 70+ is correct, 35+ partial.
 */
public final class KeywordTestGrader implements Grader {

    // Console answers to the test bank's RAG question, by the credit this grader gives them.
    public static final String GOOD = "answer retrieval from a knowledge base into the prompt";
    public static final String HALF = "answer retrieval from documents";
    public static final String BAD = "answer no idea";

    /** A word that makes this grader unsure: the grade is provisional, as a real low-confidence grade is. */
    public static final String UNSURE = "maybe";

    @Override
    public Grade grade(Question question, String answerText) {
        String answer = answerText.toLowerCase(Locale.ROOT);
        // the bank's accepted answers and misconceptions count as the real grader counts them,
        // so tests see additions to the bank take effect
        for (String accepted : question.accept()) {
            if (answer.contains(accepted.toLowerCase(Locale.ROOT))) {
                return new Grade(Verdict.CORRECT, 100, List.of(), List.of(), -1, "Matches an accepted answer.", List.of());
            }
        }
        for (String wrong : question.misconceptions()) {
            if (answer.contains(wrong.toLowerCase(Locale.ROOT))) {
                return new Grade(Verdict.INCORRECT, 0, List.of(), List.of(), -1, "States a known misconception.", List.of());
            }
        }
        List<String> found = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Concept concept : question.concepts()) {
            boolean hit = concept.forms().stream().anyMatch(f -> answer.contains(f.toLowerCase(Locale.ROOT)));
            (hit ? found : missed).add(concept.phrase());
        }
        int score = question.concepts().isEmpty() ? 0 : Math.round(100f * found.size() / question.concepts().size());
        Verdict verdict = score >= 70 ? Verdict.CORRECT : score >= 35 ? Verdict.PARTIAL : Verdict.INCORRECT;
        String explanation = "Mentioned " + found.size() + " of " + question.concepts().size() + " key concepts.";
        if (answer.contains(UNSURE)) {
            return new Grade(verdict, score, found, missed, -1, explanation,
                    List.of("This grade is provisional: the grader is not sure of it, and it may be reviewed."), 0.55, true);
        }
        return new Grade(verdict, score, found, missed, -1, explanation, List.of());
    }
}
