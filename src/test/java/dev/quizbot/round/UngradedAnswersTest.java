package dev.quizbot.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.QuizbotApplication;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Reply;
import dev.quizbot.console.ConsoleChat;
import dev.quizbot.grading.Verdict;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.Screen;
import dev.quizbot.testing.TestBeans;

/**
 * An answer committed before the process died and never graded (the state a kill between
 * the two commits of {@link RoundService#answer} leaves) is graded when quizbot comes back,
 * counted once (on the boards when its round closes, like every answer), and its player
 * alone is told.
 */
class UngradedAnswersTest {

    @TempDir
    Path dataDir;

    final MutableClock clock = MutableClock.SHARED;
    final List<Announcement> announced = new CopyOnWriteArrayList<>();

    /** The H2 file under the data directory; a subclass may put the store elsewhere. */
    List<String> storeArguments() {
        return List.of();
    }

    private String[] withStore(String... arguments) {
        return Stream.concat(Stream.of(arguments), storeArguments().stream()).toArray(String[]::new);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(QuizbotApplication.class, TestBeans.class)
                .listeners((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
                    if (event.getPayload() instanceof Announcement a) {
                        announced.add(a);
                    }
                })
                .run(withStore("--quizbot.bank.path=src/test/resources/test-bank",
                        "--quizbot.data-dir=" + dataDir,
                        "--quizbot.ticker.enabled=false",
                        "--quizbot.console.enabled=false",
                        "--quizbot.scoring.default-zone=UTC",
                        "--spring.main.web-application-type=none"));
    }

    /** What the first commit of an answer leaves: the answer stored and counted, no grade. */
    private static void storeUngraded(JdbcClient jdbc, long roundId, String user, String text) {
        jdbc.sql("""
                        INSERT INTO answer (round_id, community_key, channel_key, user_id, topic, answered_at,
                            answer_text, verdict, score, points, streak)
                        SELECT id, platform || ':' || community, channel_key, ?, topic, opened_at, ?, NULL, 0, 0, 0
                        FROM quiz_round WHERE id = ?""")
                .params(user, text, roundId).update();
        jdbc.sql("UPDATE quiz_round SET answer_count = answer_count + 1 WHERE id = ?").param(roundId).update();
    }

    private static long openRound(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM quiz_round WHERE open_channel_key IS NOT NULL").query(Long.class).single();
    }

    @Test
    void anAnswerStoredButNotGradedIsGradedAtStartUpAndItsPlayerIsToldPrivately() {
        clock.set("2026-10-05T10:00:00Z");
        long roundId;
        try (var app = start()) {
            var alice = app.getBean(ConsoleChat.class).connect("alice", false, "crash", new Screen());
            alice.send("ask fine-tuning");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            roundId = openRound(jdbc);
            storeUngraded(jdbc, roundId, "bob", "low-rank adapters on frozen weights");
        }

        announced.clear();
        clock.advance(Duration.ofMinutes(1));
        try (var app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT verdict FROM answer WHERE round_id = ? AND user_id = 'bob'")
                    .param(roundId).query(String.class).single()).isEqualTo(Verdict.CORRECT.name());

            assertThat(announced).filteredOn(Announcement.LateGrade.class::isInstance)
                    .singleElement().isInstanceOfSatisfying(Announcement.LateGrade.class, late -> {
                        assertThat(late.userId()).isEqualTo("bob");
                        assertThat(late.feedback().roundId()).isEqualTo(roundId);
                        assertThat(late.feedback().verdict()).isEqualTo(Verdict.CORRECT);
                        assertThat(late.feedback().points()).isPositive();
                    });

            // bob's own stats show the points, and his answer still stands: he cannot answer again
            var bob = app.getBean(ConsoleChat.class).connect("bob", false, "crash", new Screen());
            assertThat(bob.send("stats")).isInstanceOfSatisfying(Reply.Stats.class,
                    s -> assertThat(s.stats().points()).isPositive());
            assertThat(bob.send("answer again")).isInstanceOfSatisfying(Reply.Refused.class,
                    r -> assertThat(r.reason()).contains("already answered"));
        }

        // graded once: a further restart (or a second instance starting) finds nothing to do
        announced.clear();
        try (var app = start()) {
            assertThat(app.getBean(RoundService.class).gradeUngraded()).isZero();
            assertThat(announced).noneMatch(Announcement.LateGrade.class::isInstance);
        }
    }

    @Test
    void aRevealGradesAnAnswerLeftUngradedFirstAndCountsIt() {
        clock.set("2026-10-06T10:00:00Z");
        try (var app = start()) {
            Screen screen = new Screen();
            var alice = app.getBean(ConsoleChat.class).connect("alice", false, "reveal", screen);
            var carol = app.getBean(ConsoleChat.class).connect("carol", false, "reveal", new Screen());
            alice.send("ask fine-tuning");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            storeUngraded(jdbc, openRound(jdbc), "bob", "low-rank adapters on frozen weights");

            clock.advance(Duration.ofMinutes(11));
            assertThat(app.getBean(RoundService.class).closeDue()).isEqualTo(1);
            assertThat(screen.all()).contains("1 answer, 1 correct").contains("Best: bob (100)");
            // the late grade went to bob alone; the others in the channel saw only the reveal
            assertThat(announced).filteredOn(Announcement.LateGrade.class::isInstance).singleElement()
                    .extracting(a -> ((Announcement.LateGrade) a).userId()).isEqualTo("bob");
            assertThat(screen.all()).doesNotContain("graded after it");
        }
    }

    private static int boardRows(JdbcClient jdbc, String user) {
        return jdbc.sql("SELECT COUNT(*) FROM score_bucket WHERE user_id = ?").param(user).query(Integer.class).single();
    }

    @Test
    void aLateGradeReachesTheBoardsOnlyWhenItsRoundClosesAndOnce() {
        clock.set("2026-10-07T10:00:00Z");
        try (var app = start()) {
            var alice = app.getBean(ConsoleChat.class).connect("alice", false, "settle", new Screen());
            alice.send("ask fine-tuning");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            storeUngraded(jdbc, openRound(jdbc), "bob", "low-rank adapters on frozen weights");
        }

        clock.advance(Duration.ofMinutes(1));
        try (var app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // graded at start-up, but the round is still open: no board may tell how bob did
            assertThat(jdbc.sql("SELECT COUNT(*) FROM answer WHERE verdict IS NULL").query(Integer.class).single())
                    .isZero();
            assertThat(boardRows(jdbc, "bob")).isZero();

            clock.advance(Duration.ofMinutes(10));
            assertThat(app.getBean(RoundService.class).closeDue()).isEqualTo(1);
            // settled at the close, counted once in every window
            assertThat(boardRows(jdbc, "bob")).isPositive();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM score_bucket WHERE user_id = 'bob' AND (answers <> 1 OR points <= 0)")
                    .query(Integer.class).single()).isZero();
        }
    }
}
