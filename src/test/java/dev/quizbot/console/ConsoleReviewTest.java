package dev.quizbot.console;

import static dev.quizbot.testing.KeywordTestGrader.GOOD;
import static dev.quizbot.testing.KeywordTestGrader.HALF;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Views;
import dev.quizbot.round.RoundService;
import dev.quizbot.schedule.ScheduleService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/**
 * Appeals and the review queue played through the console on the real database: appeal,
 * queue, grouped decision, exact regrade (points, streak bonuses, every board window, team
 * boards), private notices, decisions in stats, the bank learning, and every refusal.
 */
@QuizbotTest
class ConsoleReviewTest {

    @Autowired
    ConsoleChat console;
    @Autowired
    RoundService rounds;
    @Autowired
    ScheduleService schedules;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.quizbot.bank.QuestionBankService bank;
    @Autowired
    dev.quizbot.grading.SettledAnswerSource settled;

    final MutableClock clock = MutableClock.SHARED;

    private static String community(String name) {
        return name + "-" + System.nanoTime();
    }

    private static String done(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Done.class);
        return ((Reply.Done) reply).message();
    }

    private static String refused(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Refused.class);
        return ((Reply.Refused) reply).reason();
    }

    /** What `review` showed: an item, or the note that the queue is empty. */
    private static String shown(Reply reply) {
        if (reply instanceof Reply.ReviewItem item) {
            return item.text();
        }
        return done(reply);
    }

    private static long roundOf(Reply feedback) {
        assertThat(feedback).isInstanceOf(Reply.Feedback.class);
        return ((Reply.Feedback) feedback).feedback().roundId();
    }

    private void tick() {
        rounds.closeDue();
        schedules.fireDue();
    }

    private double boardPoints(ConsoleChat.ConsoleSession session, String args, String name) {
        Reply reply = session.send("leaderboard " + args);
        assertThat(reply).isInstanceOf(Reply.Leaderboard.class);
        return ((Reply.Leaderboard) reply).board().rows().stream().filter(r -> r.name().equals(name))
                .mapToDouble(Views.LeaderboardRow::points).findFirst().orElse(0);
    }

    /** Every stored window total of the user equals the sum over their settled answers it covers. */
    private void assertBucketsAgreeWithAnswers(String communityKey, String userId) {
        List<String> disagreeing = jdbc.sql("""
                        SELECT b.scope_key || ' ' || b.span || ' ' || b.span_start || ': ' || b.points || '/' || b.correct
                        FROM score_bucket b
                        WHERE b.user_id = ? AND (b.scope_key = ? OR b.scope_key LIKE ?) AND b.span = 'ALL'
                          AND (b.points <> (SELECT COALESCE(SUM(a.points), 0) FROM answer a JOIN quiz_round r ON r.id = a.round_id
                                            WHERE a.user_id = b.user_id AND r.closed_at IS NOT NULL
                                              AND (a.community_key = b.scope_key OR a.channel_key = b.scope_key))
                            OR b.correct <> (SELECT COUNT(*) FROM answer a JOIN quiz_round r ON r.id = a.round_id
                                            WHERE a.user_id = b.user_id AND r.closed_at IS NOT NULL AND a.verdict = 'CORRECT'
                                              AND (a.community_key = b.scope_key OR a.channel_key = b.scope_key)))""")
                .params(userId, communityKey, communityKey + ":%").query(String.class).list();
        assertThat(disagreeing).isEmpty();
    }

    @Test
    void anAcceptedAppealRegradesTheAnswerItsLaterStreakBonusesEveryBoardAndTellsThePlayer() {
        String community = community("appeal");
        String key = "console:" + community;
        clock.set("2026-03-02T07:00:00Z"); // a Monday: the four days share a week and a month
        Screen annScreen = new Screen();
        var ada = console.connect(community, "room", "ada", true, new Screen());
        var ann = console.connect(community, "room", "ann", false, annScreen);
        done(ann.send("team create Tensor Titans"));
        done(ada.send("schedule set daily 09:00 UTC rag easy"));

        clock.set("2026-03-02T09:00:01Z");
        tick();
        long first = roundOf(ann.send(HALF));      // partial 67: 67 points, no streak
        clock.set("2026-03-03T09:00:01Z");
        tick();
        long second = roundOf(ann.send(GOOD));     // correct after a miss: 100
        clock.set("2026-03-04T09:00:01Z");
        tick();
        long third = roundOf(ann.send(GOOD));      // correct, streak of 1 before: +10% = 110
        clock.set("2026-03-05T09:00:01Z");
        tick();
        assertThat(boardPoints(ada, "server all", "ann")).isEqualTo(277);

        clock.set("2026-03-05T12:00:00Z");
        annScreen.take();
        assertThat(done(ann.send("appeal #" + first + " retrieval from documents is what RAG does")))
                .contains("review queue");

        String shown = shown(ada.send("review"));
        assertThat(shown).contains("appeal").contains("round " + first)
                .contains("ann answered: \"" + HALF.substring("answer ".length()) + "\"").contains("partial, 67/100, 67 points")
                .contains("Reason: \"retrieval from documents is what RAG does\"")
                .contains("Grader: Mentioned 2 of 3 key concepts.");
        // 100 instead of 67 for the first; the run grows by one, so the later bonuses grow too
        assertThat(done(ada.send("review accept"))).contains("Accepted 1 answer as correct (100/100): ann +53 points.");

        assertThat(annScreen.take()).contains("Your answer to round " + first
                + " was regraded: partial → correct, +53 points.");
        for (String window : List.of("server all", "server week", "server month", "channel all", "channel week")) {
            assertThat(boardPoints(ada, window, "ann")).as(window).isEqualTo(330);
        }
        assertThat(boardPoints(ada, "team all", "Tensor Titans")).isEqualTo(330);
        assertBucketsAgreeWithAnswers(key, "ann");
        assertThat(jdbc.sql("SELECT points FROM score_bucket WHERE scope_key = ? AND span = 'DAY' AND user_id = 'ann'"
                        + " ORDER BY span_start").param(key).query(Long.class).list())
                .containsExactly(100L, 110L, 120L);
        assertThat(jdbc.sql("SELECT points || ' ' || streak FROM answer WHERE round_id IN (?, ?, ?) ORDER BY round_id")
                .params(first, second, third).query(String.class).list())
                .containsExactly("100 1", "110 2", "120 3");

        Reply stats = ann.send("stats");
        assertThat(stats).isInstanceOfSatisfying(Reply.Stats.class, s -> {
            assertThat(s.stats().points()).isEqualTo(330);
            assertThat(s.stats().correct()).isEqualTo(3);
            assertThat(s.stats().bestStreak()).isEqualTo(3);
            assertThat(s.stats().reviews()).singleElement().asString()
                    .contains("Round " + first + ": accepted by ada")
                    .contains("partial 67 pts → correct 100 pts (+53 with streak bonuses)");
        });
        assertThat(annScreen.take()).contains("reviewed:");
        // the decision is recorded: who, when, before and after
        assertThat(jdbc.sql("""
                        SELECT d.admin_id || ' ' || c.verdict_before || ' ' || c.points_before || ' ' || c.verdict_after
                            || ' ' || c.points_after || ' ' || c.points_delta
                        FROM review_change c JOIN review_decision d ON d.id = c.decision_id WHERE c.round_id = ?""")
                .param(first).query(String.class).single()).isEqualTo("ada PARTIAL 67 CORRECT 100 53");
        assertThat(shown(ada.send("review"))).contains("queue is empty");
    }

    /** Distinctive, so no other test's answer matches it while it is in the bank. */
    private static final String LEARNED = "retrieval from the documents in the zebra store";

    @Test
    void provisionalGradesQueueThemselvesSimilarAnswersAreSettledTogetherAndTheBankLearns() {
        String community = community("provisional");
        clock.set("2026-04-01T10:00:00Z");
        Screen annScreen = new Screen();
        Screen boScreen = new Screen();
        Screen cyScreen = new Screen();
        var ada = console.connect(community, "room", "ada", true, new Screen());
        var ann = console.connect(community, "room", "ann", false, annScreen);
        var bo = console.connect(community, "room", "bo", false, boScreen);
        var cy = console.connect(community, "room", "cy", false, cyScreen);
        var dan = console.connect(community, "room", "dan", false, new Screen());
        assertThat(ada.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);

        long round = roundOf(ann.send("answer maybe retrieval from documents in the zebra store"));
        assertThat(annScreen.take()).contains("provisional");
        bo.send("answer maybe retrieval from the documents in the zebra store");
        cy.send("answer maybe nobody knows anything about it at all, honestly");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_item WHERE community_key = ? AND status = 'PENDING'")
                .param("console:" + community).query(Integer.class).single()).isEqualTo(3);

        String shown = shown(ada.send("review"));
        assertThat(shown).contains("provisional grade").contains("ann answered")
                .contains("Grouped with 1 similar answer").contains("bo: \"maybe retrieval from the documents in the zebra store\"")
                .doesNotContain("cy:");
        String decided;
        try {
            decided = done(ada.send("review accept bank " + LEARNED));
        assertThat(decided).contains("Accepted 2 answers as correct (100/100)")
                .contains("Added to the accepted answers of what-is-rag: \"" + LEARNED + "\"");
        assertThat(annScreen.take()).contains("was regraded: partial → correct").contains("when the round closes");
        assertThat(boScreen.take()).contains("was regraded: partial → correct");

        // the next grading of a similar answer uses the addition at once: correct, not partial
        assertThat(dan.send("answer Retrieval from the documents in the Zebra store")).isInstanceOfSatisfying(
                Reply.Feedback.class, f -> assertThat(f.feedback().score()).isEqualTo(100));
        } finally {
            // the bank is shared by every test in this context: take the addition back out
            jdbc.sql("DELETE FROM bank_overlay WHERE text = ?").param(LEARNED).update();
            bank.overlayChanged();
        }

        String next = shown(ada.send("review"));
        assertThat(next).contains("cy answered").doesNotContain("Grouped with");
        assertThat(done(ada.send("review reject It names no part of RAG."))).contains("Rejected 1 appeal");
        assertThat(cyScreen.take()).contains("Your provisional grade for round " + round
                + " was checked by an admin: the grade stands").contains("Note from the reviewer: It names no part of RAG.");
        assertThat(shown(ada.send("review"))).contains("queue is empty");
        // the decisions are examples the grader weighs from now on: right ones and the confirmed wrong one
        var examples = settled.forQuestion("what-is-rag");
        assertThat(examples.correct()).contains("maybe retrieval from documents in the zebra store",
                "maybe retrieval from the documents in the zebra store");
        assertThat(examples.wrong()).contains("maybe nobody knows anything about it at all, honestly");

        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        assertThat(boardPoints(ada, "server all", "ann")).isEqualTo(100);
        assertThat(boardPoints(ada, "server all", "bo")).isEqualTo(100);
        assertThat(boardPoints(ada, "server all", "dan")).isEqualTo(100);
    }

    @Test
    void splitTakesTheFirstAnswerOutOfItsGroupAndSkipMovesAGroupBack() {
        String community = community("split");
        clock.set("2026-04-02T10:00:00Z");
        var ada = console.connect(community, "room", "ada", true, new Screen());
        var ann = console.connect(community, "room", "ann", false, new Screen());
        var bo = console.connect(community, "room", "bo", false, new Screen());
        assertThat(ada.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        ann.send("answer maybe retrieval from documents");
        bo.send("answer maybe retrieval from the documents");

        assertThat(shown(ada.send("review"))).contains("Grouped with 1 similar answer");
        String split = shown(ada.send("review split"));
        assertThat(split).contains("now stands on its own").contains("ann answered").doesNotContain("Grouped with");
        assertThat(done(ada.send("review accept 80"))).contains("Accepted 1 answer as partial (80/100): ann");
        assertThat(shown(ada.send("review"))).contains("bo answered");
        assertThat(done(ada.send("review skip"))).contains("back of the queue");
        assertThat(shown(ada.send("review"))).contains("bo answered");
    }

    @Test
    void aLongAnswerAndReasonStillFitOneChatMessageWithTheDecisionShown() {
        String community = community("long");
        clock.set("2026-04-05T10:00:00Z");
        var ada = console.connect(community, "room", "ada", true, new Screen());
        var ann = console.connect(community, "room", "ann", false, new Screen());
        assertThat(ada.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        ann.send("answer retrieval from documents " + "and so on ".repeat(190));
        done(ann.send("appeal " + "because ".repeat(62)));

        String shown = shown(ada.send("review"));
        assertThat(shown.length()).isLessThanOrEqualTo(1_900);
        assertThat(shown).contains("ann answered").endsWith("review skip");
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
    }

    @Test
    void badInputIsRefusedWithAReasonAndChangesNothing() {
        String community = community("refusals");
        clock.set("2026-04-03T10:00:00Z");
        var ada = console.connect(community, "room", "ada", true, new Screen());
        var eve = console.connect(community, "room", "eve", true, new Screen());
        var ann = console.connect(community, "room", "ann", false, new Screen());
        var bo = console.connect(community, "room", "bo", false, new Screen());
        var elsewhere = console.connect(community, "other-room", "ann", false, new Screen());

        assertThat(refused(ann.send("appeal"))).contains("not answered a round in this channel");
        assertThat(ada.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        long round = roundOf(ann.send(HALF));
        long good = roundOf(bo.send(GOOD));
        assertThat(good).isEqualTo(round);

        assertThat(refused(ann.send("appeal #999999999"))).contains("There is no round 999999999 in this channel");
        assertThat(refused(elsewhere.send("appeal #" + round))).contains("There is no round " + round + " in this channel");
        var cy = console.connect(community, "room", "cy", false, new Screen());
        assertThat(refused(cy.send("appeal #" + round))).contains("You did not answer round " + round)
                .contains("only your own answer");
        assertThat(refused(bo.send("appeal #" + round))).contains("already graded correct with full marks");
        assertThat(refused(ann.send("appeal #" + round + " " + "x".repeat(501)))).contains("501 characters; the limit is 500");
        assertThat(refused(ann.send("review"))).contains("Only admins");
        assertThat(refused(ann.send("review accept"))).contains("Only admins");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_item WHERE community_key = ?").param("console:" + community)
                .query(Integer.class).single()).isZero();

        assertThat(done(ann.send("appeal"))).contains("appeal of round " + round);
        assertThat(refused(ann.send("appeal #" + round))).contains("already appealed").contains("one appeal per answer");

        assertThat(refused(ada.send("review accept"))).contains("Run `review` first");
        shown(ada.send("review"));
        shown(eve.send("review"));
        assertThat(refused(ada.send("review accept 0"))).contains("from 1 to 100");
        assertThat(refused(ada.send("review accept 101"))).contains("from 1 to 100");
        assertThat(refused(ada.send("review reject " + "n".repeat(501)))).contains("the limit is 500");
        assertThat(refused(ada.send("review reject bank " + HALF.substring("answer ".length()).repeat(1)
                .replace("retrieval from documents", "Retrieval-augmented generation retrieves relevant documents from an"
                        + " external knowledge source, usually by vector search over embeddings, and adds them to the"
                        + " prompt so the model grounds its answer in them.")))).contains("a misconception must be a wrong claim");
        assertThat(done(ada.send("review accept 90"))).contains("Accepted 1 answer");
        // the second admin decides the item the first one settled: refused, nothing changed
        assertThat(refused(eve.send("review reject"))).contains("already settled (accepted by ada")
                .contains("nothing was changed");
        assertThat(jdbc.sql("SELECT score FROM answer WHERE round_id = ? AND user_id = 'ann'").param(round)
                .query(Integer.class).single()).isEqualTo(90);
        assertThat(refused(ada.send("review accept #999999999"))).contains("There is no review item #999999999");

        // after the window an appeal is refused: bo's partial answer in a second round
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        assertThat(ada.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        long late = roundOf(bo.send(HALF));
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(refused(bo.send("appeal #" + late))).contains("Appeals for round " + late + " closed")
                .contains("7 days after the round closed");
    }

    @Test
    void twoAdminsDecidingTheSameGroupAtOnceMakeOneDecisionAndTheBoardsAgree() throws Exception {
        String community = community("race");
        String key = "console:" + community;
        clock.set("2026-04-04T10:00:00Z");
        var ada = console.connect(community, "room", "ada", true, new Screen());
        var eve = console.connect(community, "room", "eve", true, new Screen());
        var ann = console.connect(community, "room", "ann", false, new Screen());
        var bo = console.connect(community, "room", "bo", false, new Screen());
        assertThat(ada.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        long round = roundOf(ann.send(HALF));
        bo.send("answer retrieval from those documents");
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        done(ann.send("appeal #" + round));
        done(bo.send("appeal #" + round));
        assertThat(shown(ada.send("review"))).contains("Grouped with 1 similar answer");
        assertThat(shown(eve.send("review"))).contains("Grouped with 1 similar answer");

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Reply>> decisions = List.of(
                    () -> { together.await(); return ada.send("review accept"); },
                    () -> { together.await(); return eve.send("review accept 90"); });
            List<Reply> replies = pool.invokeAll(decisions).stream().map(ConsoleReviewTest::get).toList();
            assertThat(replies).filteredOn(r -> r instanceof Reply.Done).hasSize(1);
            assertThat(replies).filteredOn(r -> r instanceof Reply.Refused).singleElement()
                    .satisfies(r -> assertThat(((Reply.Refused) r).reason()).contains("already settled"));
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT decision_id) FROM review_item WHERE community_key = ?").param(key)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_change c JOIN review_decision d ON d.id = c.decision_id"
                + " WHERE d.community_key = ?").param(key).query(Integer.class).single()).isEqualTo(2);
        int score = jdbc.sql("SELECT score FROM answer WHERE round_id = ? AND user_id = 'ann'").param(round)
                .query(Integer.class).single();
        assertThat(score).isIn(90, 100);
        assertThat(jdbc.sql("SELECT score FROM answer WHERE round_id = ? AND user_id = 'bo'").param(round)
                .query(Integer.class).single()).isEqualTo(score);
        assertBucketsAgreeWithAnswers(key, "ann");
        assertBucketsAgreeWithAnswers(key, "bo");
        assertThat(boardPoints(ada, "server all", "ann")).isEqualTo(score);
    }

    private static Reply get(Future<Reply> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
