package dev.quizbot.console;

import static dev.quizbot.testing.KeywordTestGrader.BAD;
import static dev.quizbot.testing.KeywordTestGrader.GOOD;
import static dev.quizbot.testing.KeywordTestGrader.HALF;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.quizbot.chat.Period;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Scope;
import dev.quizbot.chat.Views;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/** Leaderboards across windows, channels, servers and teams, played through the console. */
@QuizbotTest
class ConsoleLeaderboardTest {

    @Autowired
    ConsoleChat console;
    @Autowired
    RoundService rounds;

    final MutableClock clock = MutableClock.SHARED;

    /** One easy RAG round in {@code room} at the clock's time where each player answers as given. */
    private void round(ConsoleChat.ConsoleSession asker, List<ConsoleChat.ConsoleSession> players, List<String> answers) {
        assertThat(asker.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        for (int i = 0; i < players.size(); i++) {
            assertThat(players.get(i).send(answers.get(i))).isInstanceOf(Reply.Feedback.class);
        }
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
    }

    private Views.Leaderboard board(ConsoleChat.ConsoleSession session, String args) {
        Reply reply = session.send("leaderboard " + args);
        assertThat(reply).isInstanceOf(Reply.Leaderboard.class);
        return ((Reply.Leaderboard) reply).board();
    }

    private static List<String> names(Views.Leaderboard board) {
        return board.rows().stream().map(r -> r.rank() + " " + r.name() + " " + (long) r.points()).toList();
    }

    @Test
    void gradesOfAnOpenRoundStayOffEveryBoardAndOffOthersStatsUntilItCloses() {
        String community = "lb-hidden-" + System.nanoTime();
        clock.set("2026-03-04T10:00:00Z");
        var ann = console.connect(community, "room", "ann", false, new Screen());
        var bo = console.connect(community, "room", "bo", false, new Screen());
        assertThat(ann.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        assertThat(ann.send(GOOD)).isInstanceOf(Reply.Feedback.class);

        // while the round is open nobody can read ann's grade off a board or her stats
        for (String args : List.of("", "channel today", "server week", "server month", "all", "team all")) {
            assertThat(board(bo, args).rows()).as(args).isEmpty();
        }
        Reply rival = bo.send("stats ann");
        assertThat(rival).isInstanceOfSatisfying(Reply.Stats.class, s -> {
            assertThat(s.stats().answers()).isZero();
            assertThat(s.stats().correct()).isZero();
            assertThat(s.stats().points()).isZero();
            assertThat(s.stats().streak()).isZero();
            assertThat(s.stats().pending()).isZero();
        });
        // ann herself sees her answer counted, marked pending
        Screen annScreen = new Screen();
        var annAgain = console.connect(community, "room", "ann", false, annScreen);
        assertThat(annAgain.send("stats")).isInstanceOfSatisfying(Reply.Stats.class, s -> {
            assertThat(s.stats().answers()).isEqualTo(1);
            assertThat(s.stats().correct()).isEqualTo(1);
            assertThat(s.stats().points()).isEqualTo(100);
            assertThat(s.stats().pending()).isEqualTo(1);
        });
        assertThat(annScreen.take()).contains("pending");

        // once it closes the board and her stats show the answer to everyone
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        assertThat(names(board(bo, ""))).containsExactly("1 ann 100");
        assertThat(names(board(bo, "server all"))).containsExactly("1 ann 100");
        assertThat(bo.send("stats ann")).isInstanceOfSatisfying(Reply.Stats.class, s -> {
            assertThat(s.stats().answers()).isEqualTo(1);
            assertThat(s.stats().points()).isEqualTo(100);
        });
        assertThat(annAgain.send("stats")).isInstanceOfSatisfying(Reply.Stats.class,
                s -> assertThat(s.stats().pending()).isZero());
    }

    @Test
    void windowsFollowTheCalendarInTheCommunitysTimezone() {
        String community = "lb-windows-" + System.nanoTime();
        // the community's first schedule makes its zone Asia/Tokyo (UTC+9)
        var admin = console.connect(community, "room", "admin", true, new Screen());
        var ann = console.connect(community, "room", "ann", false, new Screen());
        var bo = console.connect(community, "room", "bo", false, new Screen());
        clock.set("2026-03-31T00:00:00Z"); // Tuesday 31 March, 09:00 in Tokyo
        assertThat(admin.send("schedule set daily 23:00 Asia/Tokyo")).isInstanceOf(Reply.Done.class);

        // March 31 (Tokyo): ann full marks
        round(admin, List.of(ann, bo), List.of(GOOD, BAD));
        // 14:30 UTC on 1 April is 23:30 in Tokyo, still 1 April: a new month, same week
        clock.set("2026-04-01T14:30:00Z");
        round(admin, List.of(ann, bo), List.of(BAD, GOOD));
        // 15:30 UTC, still 1 April in UTC, is 00:30 on 2 April in Tokyo: a new day
        clock.set("2026-04-01T15:30:00Z");
        round(admin, List.of(bo), List.of(HALF));

        Views.Leaderboard today = board(ann, "channel today");
        Views.Leaderboard week = board(ann, "week");
        Views.Leaderboard month = board(ann, "month");
        Views.Leaderboard all = board(ann, "all");

        assertThat(today.zone()).isEqualTo("Asia/Tokyo");
        assertThat(names(today)).containsExactly("1 bo 67");
        assertThat(today.caller()).isEmpty();
        assertThat(names(month)).containsExactly("1 bo 167", "2 ann 0");
        assertThat(names(week)).containsExactly("1 bo 167", "2 ann 100");
        assertThat(names(all)).containsExactly("1 bo 167", "2 ann 100");
        assertThat(all.caller()).hasValueSatisfying(c -> assertThat(c.rank()).isEqualTo(2));
    }

    @Test
    void tiesShareARankAndTheCallerSeesTheirRankOutsideTheTop10() {
        String community = "lb-ranks-" + System.nanoTime();
        clock.set("2026-05-11T10:00:00Z");
        var host = console.connect(community, "room", "host", false, new Screen());
        List<ConsoleChat.ConsoleSession> players = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            players.add(console.connect(community, "room", "p" + i, false, new Screen()));
            // p1 and p2 tie at the top; p12 is the only one who gets nothing right
            answers.add(i <= 2 ? GOOD : i < 12 ? HALF : BAD);
        }
        round(host, players, answers);
        round(host, players.subList(0, 2), List.of(GOOD, GOOD));
        round(host, players.subList(11, 12), List.of(HALF));

        Views.Leaderboard board = board(players.get(11), "server all");

        assertThat(board.rows()).hasSize(10);
        assertThat(board.rows().get(0).rank()).isEqualTo(1);
        assertThat(board.rows().get(1).rank()).isEqualTo(1);
        assertThat(board.rows().get(2).rank()).isEqualTo(3);
        assertThat(board.rows().get(9).rank()).isEqualTo(3);
        // p12 ties with p3..p11 on points after its second round: rank 3, shown though not among the 10 rows
        assertThat(board.caller()).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("p12");
            assertThat(c.rank()).isEqualTo(3);
        });

        Screen screen = new Screen();
        var late = console.connect(community, "room", "newcomer", false, screen);
        round(host, List.of(late), List.of(BAD));
        late.send("leaderboard server all");
        assertThat(screen.all()).contains("⋯").contains("newcomer").contains("← you");
    }

    @Test
    void channelAndServerBoardsDifferAndTeamsRankByMeanPointsPerActiveMember() {
        String community = "lb-teams-" + System.nanoTime();
        clock.set("2026-07-06T10:00:00Z");
        var a1 = console.connect(community, "north", "a1", false, new Screen());
        var a2 = console.connect(community, "north", "a2", false, new Screen());
        var a3 = console.connect(community, "north", "a3", false, new Screen());
        var b1 = console.connect(community, "south", "b1", false, new Screen());

        assertThat(a1.send("team create Attention Heads")).isInstanceOf(Reply.Done.class);
        assertThat(a2.send("team join attention heads")).isInstanceOf(Reply.Done.class);
        assertThat(a3.send("team join Attention Heads")).isInstanceOf(Reply.Done.class);
        assertThat(b1.send("team create Lone Wolves")).isInstanceOf(Reply.Done.class);

        // big team: a1 100 and a2 0 (an incorrect answer earns nothing), a3 never plays;
        // small team: b1 67 in another channel
        round(a1, List.of(a1, a2), List.of(GOOD, "answer retrieval"));
        round(b1, List.of(b1), List.of("answer retrieval of documents"));

        assertThat(names(board(a1, "channel all"))).containsExactly("1 a1 100", "2 a2 0");
        assertThat(names(board(a1, "server all"))).containsExactly("1 a1 100", "2 b1 67", "3 a2 0");
        Views.Leaderboard teams = board(a3, "team all");
        // Attention Heads: (100 + 0) / 2 active = 50, though its 100 beats 67 in total; Lone Wolves: 67 / 1 = 67
        assertThat(teams.rows()).extracting(Views.LeaderboardRow::name).containsExactly("Lone Wolves", "Attention Heads");
        assertThat(teams.rows()).extracting(Views.LeaderboardRow::points).containsExactly(67.0, 50.0);
        assertThat(teams.caller()).hasValueSatisfying(c -> assertThat(c.rank()).isEqualTo(2));
        assertThat(teams.scope()).isEqualTo(Scope.TEAM);
        assertThat(teams.period()).isEqualTo(Period.ALL);

        Screen screen = new Screen();
        var b2 = console.connect(community, "south", "b2", false, screen);
        b2.send("team list");
        assertThat(screen.take()).contains("Attention Heads — 3 members, 50 pts per active member")
                .contains("Lone Wolves — 1 member, 67 pts");
        // one team per person, and a team dissolves when its last member leaves
        assertThat(a1.send("team join Lone Wolves")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("one team per person"));
        assertThat(b1.send("team leave")).isInstanceOfSatisfying(Reply.Done.class,
                d -> assertThat(d.message()).contains("dissolved"));
        b2.send("team list");
        assertThat(screen.take()).doesNotContain("Lone Wolves");
        assertThat(b2.send("team create " + "x".repeat(41))).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("at most 40 characters"));
    }

    @Test
    void statsShowAccuracyStrengthsAndWeakSpots() {
        String community = "lb-stats-" + System.nanoTime();
        clock.set("2026-08-03T10:00:00Z");
        Screen screen = new Screen();
        var zoe = console.connect(community, "room", "zoe", false, screen);
        round(zoe, List.of(zoe), List.of(GOOD));
        zoe.send("ask transformers");
        zoe.send("answer no clue");
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        screen.take();

        Reply reply = zoe.send("stats");

        assertThat(reply).isInstanceOfSatisfying(Reply.Stats.class, s -> {
            assertThat(s.stats().answers()).isEqualTo(2);
            assertThat(s.stats().correct()).isEqualTo(1);
            assertThat(s.stats().accuracy()).isEqualTo(0.5);
            assertThat(s.stats().strengths()).extracting(Views.TopicStrength::topic).containsExactly("rag");
            assertThat(s.stats().weakSpots()).extracting(Views.TopicStrength::topic).containsExactly("transformers");
        });
        var other = console.connect(community, "room", "yan", false, screen);
        assertThat(other.send("stats ZOE")).isInstanceOfSatisfying(Reply.Stats.class,
                s -> assertThat(s.stats().displayName()).isEqualTo("zoe"));
        assertThat(other.send("stats nobody")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Nobody called nobody"));
    }
}
