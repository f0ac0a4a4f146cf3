/**
 * Grading free-text answers. {@link dev.quizbot.grading.Grader} is the entry point
 * ({@link dev.quizbot.grading.CombinedGrader} the implementation, a Spring bean via
 * {@code GradingConfiguration}, or built directly by command-line tools): key concepts are
 * matched with Lucene's English analysis ({@code ConceptMatcher}), meaning is compared with an
 * in-process sentence model ({@link dev.quizbot.grading.EmbeddingModel},
 * {@link dev.quizbot.grading.SentenceModels}; {@code OnnxSentenceEncoder} reads an answer and
 * its sentences off one model pass) whose reference vectors are cached in the
 * {@code reference_embedding} table, a contradiction cue compares the answer's claims with the
 * reference statements ({@code Contradictions}, lexicon {@code grading/opposites.txt}), and the fitted model in {@code grading/weights.json}
 * ({@code VerdictModel}) turns the measurements into a verdict. {@code grading-fit} and
 * {@code grading-bench} ({@link dev.quizbot.grading.GradingTools}) fit and check it.
 */
package dev.quizbot.grading;
