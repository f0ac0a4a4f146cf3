package dev.quizbot.grading;

/** The three outcomes an interviewer would give. */
public enum Verdict {
    CORRECT("correct"), PARTIAL("partial"), INCORRECT("incorrect");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The lower-case label used in files and the grade CLI. */
    public String label() {
        return label;
    }
}
