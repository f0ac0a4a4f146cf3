/**
 * The importer: {@code quizbot import FILE... --output PATH} turns Q&A documents (the plain-text and
 * markdown styles interview guides come in, CSV and JSON) into draft bank entries for a person to
 * review. {@link dev.quizbot.bank.importer.QaDocumentParser} finds question headings and their answers,
 * {@link dev.quizbot.bank.importer.AnswerCleaner} trims noise, {@link dev.quizbot.bank.importer.Importer}
 * suggests topic, concepts and id and flags likely duplicates, and
 * {@link dev.quizbot.bank.importer.DraftWriter} writes YAML without ever overwriting a file.
 */
package dev.quizbot.bank.importer;
