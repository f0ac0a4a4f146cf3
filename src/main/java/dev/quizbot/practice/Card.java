package dev.quizbot.practice;

import java.time.Instant;

/** One player's FSRS card for one question. */
record Card(String questionId, String topic, double stability, double difficulty, int reviews, int correct,
            int lapses, Instant lastReview, Instant dueAt) {

    Fsrs.Memory memory() {
        return new Fsrs.Memory(stability, difficulty);
    }
}
