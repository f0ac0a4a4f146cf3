package dev.quizbot.bank.importer;

/**
 * One question as a document states it, before any cleaning into a bank entry.
 *
 * @param document file name of the document
 * @param line     1-based line of the heading (row number for CSV, item number for JSON)
 * @param heading  the heading exactly as written: full line(s) trimmed, wrapped lines joined by one space
 * @param question the question text without numbering or markup
 * @param answer   the raw answer text under the heading, noise not yet removed
 */
public record ImportedEntry(String document, int line, String heading, String question, String answer) {
}
