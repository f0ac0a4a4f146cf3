package dev.quizbot.review;

import java.time.Instant;
import java.util.Optional;

/** One answer in the review queue. */
record ReviewItem(long id, long answerId, String communityKey, String questionId, boolean provisional,
                  Optional<Instant> appealedAt, Optional<String> reason, Instant queuedAt, Status status,
                  boolean solo, Optional<Long> decisionId) {

    enum Status { PENDING, ACCEPTED, REJECTED }

    boolean appealed() {
        return appealedAt.isPresent();
    }
}
