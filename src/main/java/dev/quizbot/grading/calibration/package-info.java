/**
 * The grader's calibration tools, run from the command line and never by the bot:
 * {@code grading-fit} and {@code grading-bench} ({@link dev.quizbot.grading.calibration.CalibrationTools}
 * is the entry point). {@code CalibrationData} measures the development set and SemEval-2013's
 * answers exactly as the grader measures at run time (kept in {@code MeasurementCache}; written out for
 * study by {@code MeasurementExport}),
 * {@code VerdictFit} fits the verdict models (XGBoost trees and liblinear, averaged), and {@code CalibrationCommand}
 * cross-validates by question, reports every test split beside its baselines, runs the ablation
 * and writes {@code grading/weights.json}. It depends on the grading runtime, never the reverse.
 */
package dev.quizbot.grading.calibration;
