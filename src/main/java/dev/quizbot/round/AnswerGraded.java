package dev.quizbot.round;

import java.time.Instant;

import dev.quizbot.bank.Question;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.grading.Grade;

/**
 * A channel-round answer was graded and stored (published after commit), for features that
 * learn from answers, such as practice scheduling. Listeners must not throw back into a round.
 */
public record AnswerGraded(ChannelRef channel, String userId, Question question, String text, Grade grade,
                           Instant answeredAt) {
}
