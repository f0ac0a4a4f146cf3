package dev.quizbot.round;

import dev.quizbot.grading.Grade;

/**
 * Told of every grade filed on a channel-round answer, inside the transaction that files it,
 * so whatever it records (a provisional grade queued for review) commits with the grade or
 * not at all. Must not call back into rounds.
 */
public interface GradeFiledListener {

    record Filed(long answerId, Round round, String userId, Grade grade) {
    }

    void filed(Filed filed);
}
