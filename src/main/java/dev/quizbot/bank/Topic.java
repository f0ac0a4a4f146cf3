package dev.quizbot.bank;

/** A subject area; every question belongs to one, declared in {@code questions/topics.yaml}. */
public record Topic(String slug, String name, String description) {
}
