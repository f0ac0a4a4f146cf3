package dev.quizbot.discord;

import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.quizbot.grading.Grade;
import dev.quizbot.grading.Grader;
import dev.quizbot.grading.Verdict;

/**
 * For the adapter tests that drive {@link RecordingChatService} instead of the core: it takes
 * the place of the core's {@code ChatService}. The core's own beans may still be in the
 * context and need a {@link Grader}; the one here is never asked to grade (the stand-in
 * grades by itself) and says so if it is.
 */
@TestConfiguration(proxyBeanMethods = false)
class StandInCore {

    @Bean
    @Primary
    RecordingChatService recordingChatService(dev.quizbot.outbox.Outbox outbox) {
        return new RecordingChatService(outbox);
    }

    @Bean
    @Primary
    Grader standInCoreGrader() {
        return (question, answer) -> new Grade(Verdict.INCORRECT, 0, List.of(), List.of(), -1,
                "Not graded: this test answers through the stand-in core.", List.of());
    }
}
