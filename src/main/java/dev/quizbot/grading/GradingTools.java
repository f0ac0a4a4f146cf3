package dev.quizbot.grading;

/** Entry point of the {@code grade} command-line tool, for {@code dev.quizbot.CommandLineTools}. */
public final class GradingTools {

    private GradingTools() {
    }

    /** {@code grade --input answers.jsonl [--output out.jsonl]}. */
    public static int grade(String[] args) {
        return GradeCommand.main(args, System.out, System.err);
    }
}
