package dev.quizbot.grading.calibration;

/** Entry points of the calibration command-line tools, for {@code dev.quizbot.CommandLineTools}. */
public final class CalibrationTools {

    private CalibrationTools() {
    }

    /** {@code grading-fit}: fits grading/weights.json on the development set and SemEval's train splits. */
    public static int fit(String[] args) {
        return run(() -> CalibrationCommand.fit(args, System.out, System.err));
    }

    /** {@code grading-bench}: cross-validated figures on the development set, SemEval's test splits, baselines. */
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
