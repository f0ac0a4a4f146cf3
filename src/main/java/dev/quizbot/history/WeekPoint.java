package dev.quizbot.history;

import java.time.LocalDate;

/** One ISO week (Monday first, in the community's timezone): answers, correct ones, points. */
public record WeekPoint(LocalDate weekStart, int answers, int correct, long points) {

    /** Share of answers graded correct; 0 for a week without answers. */
    public double accuracy() {
        return answers == 0 ? 0 : (double) correct / answers;
    }
}
