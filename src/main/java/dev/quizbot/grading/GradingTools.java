package dev.quizbot.grading;

/** Entry points of the grading command-line tools, for {@code dev.quizbot.CommandLineTools}. */
public final class GradingTools {

    private GradingTools() {
    }

    /** {@code grade --input answers.jsonl [--output out.jsonl]}. */
    public static int grade(String[] args) {
        return GradeCommand.main(args, System.out, System.err);
    }

    /** {@code grading-fit}: fits grading/weights.json on the labelled development set. */
    public static int fit(String[] args) {
        return run(() -> CalibrationCommand.fit(args, System.out, System.err));
    }

    /** {@code grading-bench}: cross-validated figures on the development set, SemEval agreement. */
    public static int bench(String[] args) {
        return run(() -> CalibrationCommand.bench(args, System.out, System.err));
    }

    private static int run(java.util.function.IntSupplier tool) {
        try {
            return tool.getAsInt();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
