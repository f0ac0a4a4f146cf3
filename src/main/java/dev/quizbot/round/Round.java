package dev.quizbot.round;

import java.time.Instant;
import java.util.Optional;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.ChannelRef;

/** A round as stored: one question in one channel until {@code closesAt}. */
public record Round(long id, ChannelRef channel, String questionId, String topic, Difficulty difficulty,
                    String questionText, String referenceAnswer, Optional<Long> scheduleId,
                    Instant openedAt, Instant closesAt, Optional<Instant> closedAt, int answerCount) {

    public boolean scheduled() {
        return scheduleId.isPresent();
    }

    public boolean openAt(Instant now) {
        return closedAt.isEmpty() && now.isBefore(closesAt);
    }
}
