package dev.quizbot.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.bank.Question;

class NextQuestionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private final NextQuestion next = new NextQuestion(new Random(7));

    private static Question q(String id, String topic) {
        return new Question(id, topic, Difficulty.EASY, id + "?", "answer", List.of(), List.of(), List.of());
    }

    private static Card card(String id, String topic, Duration dueIn, int reviews, int correct) {
        return new Card(id, topic, 2, 5, reviews, correct, 0, NOW.minus(Duration.ofDays(1)), NOW.plus(dueIn));
    }

    @Test
    void theMostOverdueQuestionComesFirst() {
        var bank = List.of(q("a", "rag"), q("b", "rag"), q("c", "rag"), q("new", "rag"));
        var cards = List.of(card("a", "rag", Duration.ofHours(-1), 1, 1), card("b", "rag", Duration.ofHours(-5), 1, 1),
                card("c", "rag", Duration.ofHours(3), 1, 1));

        var pick = next.pick(bank, cards, NOW, Optional.empty()).orElseThrow();

        assertThat(pick.question().id()).isEqualTo("b");
        assertThat(pick.reason()).isEqualTo("due for review");
    }

    @Test
    void withNothingDueANewQuestionFromTheWeakestTopicComesBeforeOtherNewOnes() {
        var bank = List.of(q("r1", "rag"), q("r2", "rag"), q("f1", "ft"), q("f2", "ft"), q("t1", "tr"), q("t2", "tr"));
        var cards = List.of(card("r1", "rag", Duration.ofDays(2), 4, 1), card("f1", "ft", Duration.ofDays(2), 2, 0),
                card("t1", "tr", Duration.ofDays(2), 3, 3));

        var pick = next.pick(bank, cards, NOW, Optional.empty()).orElseThrow();

        assertThat(pick.question().id()).isEqualTo("f2");
        assertThat(pick.reason()).isEqualTo("weak topic: ft");
        assertThat(NextQuestion.weakTopics(cards)).containsExactly("ft", "rag");
    }

    @Test
    void thenUnseenQuestionsThenTheOneDueSoonestNeverTheOneJustAnswered() {
        var bank = List.of(q("a", "rag"), q("b", "rag"), q("c", "tr"));
        var strong = List.of(card("a", "rag", Duration.ofDays(3), 2, 2), card("b", "rag", Duration.ofDays(1), 2, 2));

        var unseen = next.pick(bank, strong, NOW, Optional.empty()).orElseThrow();
        assertThat(unseen.question().id()).isEqualTo("c");
        assertThat(unseen.reason()).isEqualTo("new question");

        var allSeen = List.of(card("a", "rag", Duration.ofDays(3), 2, 2), card("b", "rag", Duration.ofDays(1), 2, 2),
                card("c", "tr", Duration.ofMinutes(-1), 1, 0));
        var afterAnsweringC = next.pick(bank, allSeen, NOW, Optional.of("c")).orElseThrow();
        assertThat(afterAnsweringC.question().id()).isEqualTo("b");
        assertThat(afterAnsweringC.reason()).contains("soonest");

        assertThat(next.pick(List.of(q("c", "tr")), allSeen, NOW, Optional.of("c")).orElseThrow().question().id())
                .isEqualTo("c");
        assertThat(next.pick(List.of(), allSeen, NOW, Optional.empty())).isEmpty();
    }
}
