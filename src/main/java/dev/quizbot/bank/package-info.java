/**
 * The question bank: {@link dev.quizbot.bank.Question} records loaded from the YAML files in
 * {@code questions/} by {@link dev.quizbot.bank.QuestionBankLoader}, validated as a whole, and
 * served by {@link dev.quizbot.bank.QuestionBankService}. The importer turns documents into
 * draft entries.
 */
package dev.quizbot.bank;
