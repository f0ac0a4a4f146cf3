/**
 * The grader's calibration tools, run from the command line and never by the bot:
 * {@code grading-fit} and {@code grading-bench} ({@link dev.quizbot.grading.calibration.CalibrationTools}
 * is the entry point). {@code CalibrationData} measures the development set and SemEval-2013's
 * answers exactly as the grader measures at run time (kept in {@code MeasurementCache}),
 * {@code VerdictFit} fits the verdict models with liblinear, and {@code CalibrationCommand}
 * cross-validates by question, reports every test split beside its baselines, runs the ablation
 * and writes {@code grading/weights.json}. It depends on the grading runtime, never the reverse.
 */
package dev.quizbot.grading.calibration;
