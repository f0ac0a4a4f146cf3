package dev.quizbot.grading;

import java.util.List;

/**
 * Players' answers to one question whose verdict a person settled (a reviewer's decision, or a
 * human grade in a benchmark's training data). An answer close to a settled one is likely to be
 * judged the same way, which is how markers grade a pile of scripts, and why grading improves
 * as a team reviews. The bank's own {@code accept} and {@code misconceptions} are not examples:
 * they are written as references, and are read as such.
 */
public record SettledAnswers(List<String> correct, List<String> wrong) {

    public static final SettledAnswers NONE = new SettledAnswers(List.of(), List.of());

    /**
     * At most this many of each kind are weighed per answer (the most recent first). It bounds
     * grading time (each is one more pair to measure) and keeps the settled answers of the whole
     * bank within the grader's cache of read texts (8,000 kept; the shipped 179 questions with
     * 2 x 20 each would be 7,160), so grading never has to run the model over them again.
     */
    public static final int MAX_EACH = 20;

    public SettledAnswers {
        correct = List.copyOf(correct.subList(0, Math.min(MAX_EACH, correct.size())));
        wrong = List.copyOf(wrong.subList(0, Math.min(MAX_EACH, wrong.size())));
    }

    public boolean isEmpty() {
        return correct.isEmpty() && wrong.isEmpty();
    }
}
