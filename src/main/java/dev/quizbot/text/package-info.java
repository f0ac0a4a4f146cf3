/**
 * Text analysis shared by features that each choose their own Lucene analyzer:
 * {@link dev.quizbot.text.AnalyzedTokens} reads what an analyzer makes of a text. Which chain of
 * filters a feature uses (the grader's stemmer overrides, the importer's plain English analyzer)
 * stays with that feature.
 */
package dev.quizbot.text;
