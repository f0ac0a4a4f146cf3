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

    @Override
    public Grade grade(Question question, String answerText) {
        String answer = answerText.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Concept concept : question.concepts()) {
            boolean hit = concept.forms().stream().anyMatch(f -> answer.contains(f.toLowerCase(Locale.ROOT)));
            (hit ? found : missed).add(concept.phrase());
        }
        int score = question.concepts().isEmpty() ? 0 : Math.round(100f * found.size() / question.concepts().size());
        Verdict verdict = score >= 70 ? Verdict.CORRECT : score >= 35 ? Verdict.PARTIAL : Verdict.INCORRECT;
        return new Grade(verdict, score, found, missed, -1, "Mentioned " + found.size() + " of "
                + question.concepts().size() + " key concepts.", List.of());
    }
}
