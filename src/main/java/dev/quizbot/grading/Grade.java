package dev.quizbot.grading;

import java.util.List;

/**
 * The result of grading one answer.
 *
 * @param score           0-100, partial credit included
 * @param conceptsFound   the concept phrases the answer mentioned
 * @param conceptsMissed  the concept phrases it did not
 * @param similarity      semantic similarity to the reference in [0, 1], or -1 when meaning
 *                        could not be judged (model unavailable, nothing to compare)
 * @param explanation     one or two sentences a person reads as feedback
 * @param notes           caveats worth telling the user (answer truncated, graded on concepts only...)
 * @param confidence      how sure the grader is of the verdict, 0.5 (a coin toss) to 1
 * @param provisional     the confidence is below the configured bar: a person should look at it
 */
public record Grade(
        Verdict verdict,
        int score,
        List<String> conceptsFound,
        List<String> conceptsMissed,
        double similarity,
        String explanation,
        List<String> notes,
        double confidence,
        boolean provisional) {

    public Grade {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0-100, was " + score);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be 0-1, was " + confidence);
        }
        conceptsFound = List.copyOf(conceptsFound);
        conceptsMissed = List.copyOf(conceptsMissed);
        notes = List.copyOf(notes);
    }

    /** A grade the grader is sure of (rule-based outcomes, test graders). */
    public Grade(Verdict verdict, int score, List<String> conceptsFound, List<String> conceptsMissed, double similarity,
                 String explanation, List<String> notes) {
        this(verdict, score, conceptsFound, conceptsMissed, similarity, explanation, notes, 1.0, false);
    }
}
