/**
 * Grading free-text answers. {@link dev.quizbot.grading.Grader} is the entry point
 * ({@link dev.quizbot.grading.CombinedGrader} the implementation, a Spring bean via
 * {@code GradingConfiguration}, or built directly by command-line tools). At run time an answer
 * is screened ({@code AnswerScreen}, {@code Languages}), read once by the in-process sentence
 * model ({@code OnnxSentenceEncoder}: its vector and its word pieces' states, pooled per word by
 * {@code ReadText}), and measured against the reference and each accepted answer
 * ({@code PairFeatures}: word alignment, n-grams, cosine, WordNet opposites from
 * {@code WordRelations}, negation) and against the question ({@code AnswerAnalyzer}: key concepts
 * by {@code ConceptMatcher}, misconceptions, the {@code Contradictions} and {@code NegatedFacts}
 * rules) and against the answers people already settled for the question ({@code SettledAnswers},
 * from a {@code SettledAnswerSource} such as the review queue); the fitted {@code VerdictModel} (its
 * {@code Probability} models: boosted trees and a logistic model, averaged) in
 * {@code grading/weights.json} turns the measurements into verdict, score and confidence, and
 * {@code Explanations} words them. Fitting and measuring the grader is not done at run time: it
 * lives in {@link dev.quizbot.grading.calibration}.
 */
package dev.quizbot.grading;
