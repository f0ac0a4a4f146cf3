package dev.quizbot.practice;

import java.time.Instant;
import java.util.Optional;

import dev.quizbot.bank.Difficulty;

/** A player's open practice session and the question in front of them. */
record Session(String channelKey, Optional<String> topic, Optional<Difficulty> difficulty,
               Optional<String> questionId, Optional<Instant> askedAt, Instant lastActive) {
}
