package dev.quizbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBankLoader;
import dev.quizbot.chat.Reply;
import dev.quizbot.grading.Verdict;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.Screen;

/**
 * The product as a newcomer meets it: the shipped question bank, the real grader with its
 * sentence model, H2 with the real migrations, played through the console. Only the clock is
 * the test's, so the round can be closed without waiting ten minutes.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:quizbot-real-grader;DB_CLOSE_DELAY=-1",
        "quizbot.ticker.enabled=false",
        "quizbot.console.enabled=false",
        "quizbot.scoring.default-zone=UTC"})
class ConsoleRoundWithRealGraderTest {

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return MutableClock.SHARED;
        }
    }

    /** Alice's answer in her own words to each easy RAG question of the shipped bank. */
    private static final Map<String, String> OWN_WORDS = Map.of(
            "What is Retrieval-Augmented Generation (RAG) and how does it work?",
            "Before generating, the system searches a vector index of your documents for the passages closest to "
                    + "the question and inserts them into the prompt, so the model answers from that evidence.",
            "What does a vector database store, and what query does it answer in a RAG system?",
            "It keeps an embedding for every piece of your documents along with the text and some metadata, and "
                    + "given the question's embedding it returns the handful of nearest vectors, whose text goes into the prompt.");

    @Autowired
    ConsoleChat console;
    @Autowired
    RoundService rounds;

    @Test
    void aRoundOnTheShippedBankIsGradedByMeaningAndRevealed() {
        MutableClock.SHARED.set("2026-03-02T09:00:00Z");
        Screen aliceScreen = new Screen();
        Screen bobScreen = new Screen();
        var alice = console.connect("alice", false, "real-grader", aliceScreen);
        var bob = console.connect("bob", false, "real-grader", bobScreen);

        assertThat(OWN_WORDS.keySet()).as("easy RAG questions this test can answer").containsExactlyInAnyOrderElementsOf(
                new QuestionBankLoader().load(Path.of("questions")).questions().stream()
                        .filter(q -> q.topic().equals("rag") && q.difficulty() == Difficulty.EASY)
                        .map(Question::question).toList());

        // given one of the easy RAG questions of the shipped bank (the pick among them is random)
        assertThat(alice.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        String posted = bobScreen.take();
        String question = OWN_WORDS.keySet().stream().filter(posted::contains).findFirst()
                .orElseThrow(() -> new AssertionError("an easy RAG question this test has no answer for: " + posted));

        // when alice explains it in her own words and bob answers with a lookalike
        Reply good = alice.send("answer " + OWN_WORDS.get(question));
        Reply lookalike = bob.send("answer RAG means red-amber-green, the traffic-light colours of project status reports.");

        // then the grades follow the meaning, with feedback naming what was hit and missed; the RAG answer in
        // other words is one the grader is unsure of (docs/benchmarks.md, known weak spots): short of correct,
        // its grade must say it is provisional, so it goes to a person
        assertThat(good).isInstanceOfSatisfying(Reply.Feedback.class, f -> {
            assertThat(f.feedback().verdict() == Verdict.CORRECT
                    || f.feedback().notes().stream().anyMatch(n -> n.contains("provisional"))).as(f.toString()).isTrue();
            assertThat(f.feedback().conceptsFound()).isNotEmpty();
            assertThat(f.feedback().explanation()).isNotBlank();
        });
        boolean aliceRight = ((Reply.Feedback) good).feedback().verdict() == Verdict.CORRECT;
        assertThat(lookalike).isInstanceOfSatisfying(Reply.Feedback.class, f -> {
            assertThat(f.feedback().verdict()).isEqualTo(Verdict.INCORRECT);
            assertThat(f.feedback().conceptsMissed()).isNotEmpty();
        });

        // and after the deadline both see the reveal with the reference answer and alice on top when she was right
        MutableClock.SHARED.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        aliceScreen.take();
        String reveal = bobScreen.take();
        assertThat(reveal).contains("closed");
        if (aliceRight) {
            assertThat(reveal).contains("2 answers, 1 correct").contains("Best: alice");
        } else {
            assertThat(reveal).contains("2 answers, 0 correct").doesNotContain("Best: bob");
        }
    }
}
