package dev.quizbot.bank;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How hard an interviewer would judge a question; scoring multiplies points by {@link #multiplier()}. */
public enum Difficulty {
    EASY(1.0), MEDIUM(1.5), HARD(2.0);

    private final double multiplier;

    Difficulty(double multiplier) {
        this.multiplier = multiplier;
    }

    public double multiplier() {
        return multiplier;
    }

    /** The lower-case name used in bank files and commands. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Difficulty> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.name().equals(wanted)).findFirst();
    }
}
