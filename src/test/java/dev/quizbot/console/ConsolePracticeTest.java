package dev.quizbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.chat.Reply;
import dev.quizbot.grading.Verdict;
import dev.quizbot.round.RoundService;
import dev.quizbot.round.Sql;
import dev.quizbot.testing.KeywordTestGrader;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/** Practice sessions played through the console: private, graded, scheduled by FSRS, fed by channel rounds. */
@QuizbotTest
class ConsolePracticeTest {

    private static final String GOOD_RAG = KeywordTestGrader.GOOD.substring("answer ".length());

    @Autowired
    ConsoleChat console;
    @Autowired
    RoundService rounds;
    @Autowired
    JdbcClient jdbc;

    final MutableClock clock = MutableClock.SHARED;

    @BeforeEach
    void startOfDay() {
        clock.set("2026-03-02T10:00:00Z");
    }

    private static String community(String name) {
        return name + "-" + System.nanoTime();
    }

    private Instant due(String community, String user, String questionId) {
        return jdbc.sql("SELECT due_at FROM practice_card WHERE community_key = ? AND user_id = ? AND question_id = ?")
                .params("console:" + community, user, questionId)
                .query((rs, n) -> Sql.instant(rs, "due_at")).single();
    }

    private int rows(String table, String community) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + (table.equals("score_bucket") ? "scope_key" : "community_key")
                        + " LIKE ?")
                .param("console:" + community + "%").query(Integer.class).single();
    }

    @Test
    void aFullPracticeLoopIsPrivateScheduledFedByChannelMissesAndNeverScored() {
        String place = community("loop");
        Screen mine = new Screen();
        Screen theirs = new Screen();
        var ann = console.connect(place, "room", "ann", false, mine);
        console.connect(place, "room", "bob", false, theirs);

        // practice starts with the only easy RAG question, shown to ann alone
        Reply started = ann.send("practice rag easy");
        assertThat(started).isInstanceOfSatisfying(Reply.Practice.class, p -> {
            assertThat(p.result()).isEmpty();
            assertThat(p.next().orElseThrow().questionId()).isEqualTo("what-is-rag");
            assertThat(p.next().orElseThrow().reason()).isEqualTo("new question");
        });
        assertThat(mine.take()).contains("What is retrieval-augmented generation?").contains("only you see this");
        assertThat(theirs.all()).isEmpty();

        // a wrong answer is graded, rated Again, shows the reference, and comes back in 10 minutes
        Reply wrong = ann.send("answer no idea");
        assertThat(wrong).isInstanceOfSatisfying(Reply.Practice.class, p -> {
            var result = p.result().orElseThrow();
            assertThat(result.verdict()).isEqualTo(Verdict.INCORRECT);
            assertThat(result.rating()).isEqualTo("Again");
            assertThat(result.referenceAnswer()).contains("external knowledge");
            assertThat(result.misconceptions()).containsExactly(
                    "RAG fine-tunes the model's weights on the retrieved documents at query time.",
                    "RAG guarantees the model never hallucinates.");
            assertThat(result.nextDue()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        });
        assertThat(mine.take()).contains("INCORRECT").contains("rated Again").contains("reference: Retrieval-augmented")
                .contains("common misconception: RAG guarantees the model never hallucinates.");
        assertThat(due(place, "ann", "what-is-rag")).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        // a quick perfect answer is Easy, a slower one Good; either pushes the question out by days
        clock.advance(Duration.ofMinutes(11));
        ann.send("practice rag easy");
        Reply quick = ann.send("answer " + GOOD_RAG);
        assertThat(((Reply.Practice) quick).result().orElseThrow().rating()).isEqualTo("Easy");
        clock.advance(Duration.ofMinutes(5));
        Reply slow = ann.send("answer " + GOOD_RAG);
        assertThat(((Reply.Practice) slow).result().orElseThrow().rating()).isEqualTo("Good");
        assertThat(due(place, "ann", "what-is-rag")).isAfterOrEqualTo(clock.instant().plus(Duration.ofDays(1)));

        // practice wrote nothing a leaderboard reads
        assertThat(rows("answer", place)).isZero();
        assertThat(rows("score_bucket", place)).isZero();

        // a channel round ann misses makes that question due in her practice
        ann.send("practice stop");
        ann.send("ask fine-tuning");
        Reply miss = ann.send("answer no idea");
        assertThat(miss).isInstanceOf(Reply.Feedback.class);
        assertThat(due(place, "ann", "lora")).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        Reply dueNow = ann.send("practice");
        assertThat(((Reply.Practice) dueNow).next().orElseThrow()).satisfies(q -> {
            assertThat(q.questionId()).isEqualTo("lora");
            assertThat(q.reason()).isEqualTo("due for review");
        });

        // review mistakes lists the practice miss and the channel miss, newest first, privately
        mine.take();
        Reply mistakes = ann.send("review mistakes");
        assertThat(mistakes).isInstanceOfSatisfying(Reply.Mistakes.class, m -> {
            assertThat(m.mistakes()).extracting(x -> x.question())
                    .containsExactly("What is LoRA?", "What is retrieval-augmented generation?");
            assertThat(m.mistakes().getFirst().source()).isEqualTo("channel");
            assertThat(m.mistakes().getFirst().answer()).isEqualTo("no idea");
            assertThat(m.mistakes().getFirst().referenceAnswer()).contains("low-rank update");
        });
        assertThat(mine.take()).contains("What is LoRA?").contains("you: no idea").contains("reference: LoRA freezes");
        assertThat(ann.send("review mistakes rag")).isInstanceOfSatisfying(Reply.Mistakes.class,
                m -> assertThat(m.mistakes()).hasSize(1));

        // stats shows practice apart from the channel record
        Reply stats = ann.send("stats");
        assertThat(stats).isInstanceOfSatisfying(Reply.Stats.class, s -> {
            assertThat(s.stats().answers()).isEqualTo(1);
            var practice = s.practice().orElseThrow();
            assertThat(practice.reviews()).isEqualTo(3);
            assertThat(practice.dueToday()).isEqualTo(1);
            assertThat(practice.retention()).isBetween(0.0, 1.0);
            assertThat(practice.weakest()).extracting(t -> t.topic()).contains("fine-tuning");
        });
        assertThat(mine.take()).contains("practice: 3 reviews · 1 due today");
        assertThat(theirs.all()).doesNotContain("practice").doesNotContain("no idea");

        // someone else's stats never show their practice
        Reply bobsView = console.connect(place, "room", "bob", false, new Screen()).send("stats ann");
        assertThat(bobsView).isInstanceOfSatisfying(Reply.Stats.class, s -> assertThat(s.practice()).isEmpty());
    }

    @Test
    void aSessionEndsOnStopOrAfterThirtyIdleMinutesAndThenAnswersGoToTheChannel() {
        String place = community("idle");
        var cy = console.connect(place, "room", "cy", false, new Screen());
        cy.send("practice transformers");

        clock.advance(Duration.ofMinutes(31));
        Reply late = cy.send("practice answer query key weighted sum");
        assertThat(late).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("ended after 30 minutes"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM practice_review WHERE community_key = ?")
                .param("console:" + place).query(Integer.class).single()).isZero();

        cy.send("practice transformers");
        assertThat(cy.send("practice stop")).isInstanceOf(Reply.Done.class);
        assertThat(cy.send("answer query key")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("no open question"));
        assertThat(cy.send("practice stop")).isInstanceOf(Reply.Refused.class);
    }

    @Test
    void aQuestionOpenInAChannelRoundKeepsItsReferenceOutOfPracticeUntilTheReveal() {
        String place = community("open");
        var ann = console.connect(place, "room", "ann", false, new Screen());
        var bob = console.connect(place, "hall", "bob", false, new Screen());
        assertThat(ann.send("ask fine-tuning")).isInstanceOf(Reply.RoundStarted.class);
        assertThat(ann.send("answer no idea")).isInstanceOf(Reply.Feedback.class);

        // ann's miss is on her card, but while the round is open neither review nor practice shows its reference
        clock.advance(Duration.ofMinutes(5));
        assertThat(ann.send("review mistakes")).isInstanceOfSatisfying(Reply.Mistakes.class,
                m -> assertThat(m.mistakes()).isEmpty());
        assertThat(ann.send("practice fine-tuning")).isInstanceOfSatisfying(Reply.Practice.class,
                p -> assertThat(p.next()).isEmpty());
        assertThat(ann.send("practice stop")).isInstanceOf(Reply.Done.class);
        // nor for someone in another channel of the community who has yet to answer
        assertThat(bob.send("practice fine-tuning")).isInstanceOfSatisfying(Reply.Practice.class,
                p -> assertThat(p.next()).isEmpty());
        assertThat(bob.send("practice stop")).isInstanceOf(Reply.Done.class);

        clock.advance(Duration.ofMinutes(6));
        rounds.closeDue();
        assertThat(ann.send("review mistakes")).isInstanceOfSatisfying(Reply.Mistakes.class, m -> {
            assertThat(m.mistakes()).extracting(x -> x.question()).containsExactly("What is LoRA?");
            assertThat(m.mistakes().getFirst().referenceAnswer()).contains("low-rank update");
        });
        assertThat(ann.send("practice fine-tuning")).isInstanceOfSatisfying(Reply.Practice.class,
                p -> assertThat(p.next().orElseThrow().questionId()).isEqualTo("lora"));
    }

    @Test
    void badPracticeInputGetsAClearRefusal() {
        var dee = console.connect(community("bad"), "room", "dee", false, new Screen());

        assertThat(dee.send("practice ragg")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Unknown topic 'ragg'").contains("did you mean rag"));
        assertThat(dee.send("practice evaluation")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("no questions"));
        assertThat(dee.send("practice rag impossible")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("'impossible' is not a difficulty (easy, medium, hard)"));
        // a topic typed as words matches as it does for `ask`
        assertThat(dee.send("practice Fine Tuning")).isInstanceOfSatisfying(Reply.Practice.class,
                p -> assertThat(p.next()).hasValueSatisfying(q -> assertThat(q.topic()).isEqualTo("fine-tuning")));
        assertThat(dee.send("practice stop")).isInstanceOf(Reply.Done.class);
        assertThat(dee.send("practice answer something")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("no practice session"));
        assertThat(dee.send("review mistakes nope")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Unknown topic"));
        dee.send("practice rag");
        assertThat(dee.send("answer " + "x".repeat(2_001))).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("limit is 2000"));
        assertThat(dee.send("review mistakes")).isInstanceOfSatisfying(Reply.Mistakes.class,
                m -> assertThat(m.mistakes()).isEmpty());
        assertThat(List.of()).isEmpty();
    }
}
