package dev.quizbot.bank;

/** Where a question came from: a document's file name and the heading exactly as written there. */
public record Source(String document, String heading) {
}
