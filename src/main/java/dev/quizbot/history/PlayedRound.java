package dev.quizbot.history;

import java.util.List;

/**
 * A closed round someone played, with its reveal and how each of the people asked about did:
 * their names, verdicts and points, never what they wrote.
 */
public record PlayedRound(RevealStats reveal, List<Result> results) {

    public PlayedRound {
        results = List.copyOf(results);
    }

    /** {@code verdict} is the lower-case label (correct, partial, incorrect). */
    public record Result(String name, String verdict, int score, int points) {
    }
}
