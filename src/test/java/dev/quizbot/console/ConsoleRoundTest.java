package dev.quizbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.chat.Reply;
import dev.quizbot.grading.Grader;
import dev.quizbot.grading.Verdict;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/** Full on-demand rounds played through the console adapter, and every kind of bad input. */
@QuizbotTest
class ConsoleRoundTest {

    private static final Pattern ROUND = Pattern.compile("round (\\d+)");

    @Autowired
    ConsoleChat console;
    @Autowired
    RoundService rounds;
    @Autowired
    JdbcClient jdbc;

    final MutableClock clock = MutableClock.SHARED;

    @BeforeEach
    void startOfDay() {
        clock.set("2026-02-02T10:00:00Z");
    }

    private static String channel(String name) {
        return name + "-" + System.nanoTime();
    }

    private int storedAnswers() {
        return jdbc.sql("SELECT COUNT(*) FROM answer").query(Integer.class).single();
    }

    @Test
    void twoPlayersPlayARoundWithPrivateFeedbackAndAPublicReveal() {
        String room = channel("round");
        Screen aliceScreen = new Screen();
        Screen bobScreen = new Screen();
        var alice = console.connect("alice", false, room, aliceScreen);
        var bob = console.connect("bob", false, room, bobScreen);

        // given a question about RAG posted by alice
        Reply started = alice.send("ask rag easy");
        assertThat(started).isInstanceOf(Reply.RoundStarted.class);
        String post = bobScreen.take();
        assertThat(post).contains("What is retrieval-augmented generation?").contains("easy");
        aliceScreen.take();

        // when alice answers well and bob answers poorly
        Reply aliceReply = alice.send("answer It retrieves documents from a knowledge base and puts them in the prompt");
        Reply bobReply = bob.send("answer no idea, something with GPUs");

        // then each sees only their own feedback, and everyone sees the count
        assertThat(aliceReply).isInstanceOfSatisfying(Reply.Feedback.class, f -> {
            assertThat(f.feedback().verdict()).isEqualTo(Verdict.CORRECT);
            assertThat(f.feedback().points()).isEqualTo(f.feedback().score() * 1.0);
        });
        assertThat(bobReply).isInstanceOfSatisfying(Reply.Feedback.class,
                f -> assertThat(f.feedback().verdict()).isEqualTo(Verdict.INCORRECT));
        String aliceSaw = aliceScreen.take();
        String bobSaw = bobScreen.take();
        assertThat(aliceSaw).contains("CORRECT").doesNotContain("INCORRECT").contains("2 answers so far");
        assertThat(bobSaw).contains("INCORRECT").doesNotContain("· CORRECT").contains("1 answer so far");

        // when the deadline passes
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();

        // then both get the reveal with the reference answer, counts and the best answerer
        for (String screen : new String[] {aliceScreen.take(), bobScreen.take()}) {
            assertThat(screen).contains("closed").contains("external knowledge source")
                    .contains("A common mistake: RAG fine-tunes the model's weights on the retrieved documents at query time.")
                    .contains("2 answers, 1 correct").contains("Best: alice (100)");
        }

        // and answering the closed round is refused without storing anything
        int before = storedAnswers();
        Reply late = bob.send("answer retrieval of documents into the prompt");
        assertThat(late).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("no open question"));
        assertThat(storedAnswers()).isEqualTo(before);
    }

    @Test
    void anIncorrectAnswerEarnsNoPointsAndIsNotNamedAmongTheBest() {
        Screen screen = new Screen();
        var dana = console.connect("dana", false, channel("fair"), screen);
        dana.send("ask rag easy");

        // one concept of three: a score of 33, graded not correct
        Reply reply = dana.send("answer retrieval");

        assertThat(reply).isInstanceOfSatisfying(Reply.Feedback.class, f -> {
            assertThat(f.feedback().verdict()).isEqualTo(Verdict.INCORRECT);
            assertThat(f.feedback().score()).isEqualTo(33);
            assertThat(f.feedback().points()).isZero();
        });
        screen.take();
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        assertThat(screen.take()).contains("1 answer, 0 correct").doesNotContain("Best:");
    }

    @Test
    void askFindsATopicIgnoringCaseSpacesAndHyphensAndSuggestsTheClosest() {
        var eve = console.connect("eve", false, channel("topic-words"), new Screen());

        assertThat(eve.send("ask fine tuning")).isInstanceOfSatisfying(Reply.RoundStarted.class,
                s -> assertThat(s.question().topic()).isEqualTo("fine-tuning"));
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
        assertThat(eve.send("ask FINETUNING")).isInstanceOf(Reply.RoundStarted.class);
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();

        assertThat(eve.send("ask fine tunning")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Unknown topic 'fine tunning' (did you mean fine-tuning?)"));
        assertThat(eve.send("ask rag impossible")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("'impossible' is not a difficulty (easy, medium, hard)"));
        assertThat(eve.send("ask rag hrad")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("did you mean hard?"));
    }

    @Test
    void topicsListCountsPerDifficultyAndAnEmptyFilterNamesWhatExists() {
        Screen screen = new Screen();
        var fay = console.connect("fay", false, channel("topic-counts"), screen);

        Reply topics = fay.send("topics");
        assertThat(topics).isInstanceOfSatisfying(Reply.Topics.class, t -> assertThat(t.topics())
                .filteredOn(v -> v.slug().equals("rag")).singleElement()
                .satisfies(rag -> assertThat(rag.perDifficulty()).containsExactly(
                        java.util.Map.entry(dev.quizbot.bank.Difficulty.EASY, 1),
                        java.util.Map.entry(dev.quizbot.bank.Difficulty.HARD, 1))));
        assertThat(screen.take()).contains("rag — Retrieval-augmented generation (2 questions: 1 easy, 1 hard)");

        assertThat(fay.send("ask rag medium")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("There are no medium questions in topic 'rag'; it has 1 easy, 1 hard."));
    }

    @Test
    void aSecondAnswerIsRefusedAndTheFirstOneStands() {
        var carol = console.connect("carol", false, channel("twice"), new Screen());
        carol.send("ask fine-tuning");
        Reply first = carol.send("answer low-rank update on frozen weights");
        int before = storedAnswers();

        Reply second = carol.send("answer something else entirely");

        assertThat(first).isInstanceOf(Reply.Feedback.class);
        assertThat(second).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("already answered").contains("first one stands"));
        assertThat(storedAnswers()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT answer_text FROM answer WHERE user_id = 'carol' ORDER BY id DESC")
                .query(String.class).list().getFirst()).isEqualTo("low-rank update on frozen weights");
    }

    @Test
    void answeringARoundPastItsDeadlineIsRefusedEvenBeforeTheCloserRuns() {
        Screen screen = new Screen();
        var dave = console.connect("dave", false, channel("late"), screen);
        dave.send("ask transformers");
        String id = firstRound(screen.take());
        clock.advance(Duration.ofMinutes(10));

        Reply late = dave.send("answer #" + id + " queries and keys give a weighted sum");

        assertThat(late).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Round " + id + " is closed"));
    }

    @Test
    void anOverLongAnswerIsRefusedAndNothingIsStored() {
        var erin = console.connect("erin", false, channel("long"), new Screen());
        erin.send("ask rag");
        int before = storedAnswers();

        Reply reply = erin.send("answer " + "retrieval ".repeat(250));

        assertThat(reply).isInstanceOfSatisfying(Reply.Refused.class, r -> assertThat(r.reason())
                .contains("2499 characters").contains("limit is " + Grader.MAX_ANSWER_LENGTH).contains("nothing was recorded"));
        assertThat(storedAnswers()).isEqualTo(before);
        // and a proper answer still goes through afterwards
        assertThat(erin.send("answer retrieval from a knowledge base into the prompt")).isInstanceOf(Reply.Feedback.class);
    }

    @Test
    void unknownTopicsAreRefusedWithTheListAndASuggestion() {
        Screen screen = new Screen();
        var frank = console.connect("frank", false, channel("topic"), screen);

        Reply reply = frank.send("ask fine-tunning");

        assertThat(reply).isInstanceOfSatisfying(Reply.Refused.class, r -> assertThat(r.reason())
                .contains("Unknown topic 'fine-tunning'").contains("did you mean fine-tuning?").contains("rag"));
        assertThat(screen.all()).contains("usage: ask [topic] [easy|medium|hard]");
    }

    @Test
    void aChannelWithNoEligibleQuestionsGetsAClearReply() {
        var gina = console.connect("gina", false, channel("empty"), new Screen());

        Reply noTopicQuestions = gina.send("ask evaluation");
        Reply noHardLora = gina.send("ask fine-tuning hard");

        assertThat(noTopicQuestions).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("no questions in topic 'evaluation'"));
        assertThat(noHardLora).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("no hard questions in topic 'fine-tuning'"));
        assertThat(rounds.openRound(gina.caller().channel())).isEmpty();
    }

    @Test
    void noQuestionRepeatsInAChannelUntilThePoolIsUsedUp() {
        Screen screen = new Screen();
        var hugo = console.connect("hugo", false, channel("rotation"), screen);
        Set<String> seen = new HashSet<>();
        // the test bank has 4 questions
        for (int i = 0; i < 4; i++) {
            Reply reply = hugo.send("ask");
            assertThat(reply).isInstanceOf(Reply.RoundStarted.class);
            seen.add(((Reply.RoundStarted) reply).question().questionId());
            clock.advance(Duration.ofMinutes(11));
            rounds.closeDue();
        }
        assertThat(seen).hasSize(4);
        // and the fifth starts the pool over
        assertThat(hugo.send("ask")).isInstanceOf(Reply.RoundStarted.class);
    }

    @Test
    void oneRoundAtATimePerChannelAndAskingAgainShowsTheOpenOne() {
        Screen screen = new Screen();
        var ida = console.connect("ida", false, channel("busy"), screen);
        long round = ((Reply.RoundStarted) ida.send("ask")).question().roundId();
        screen.take();

        Reply again = ida.send("ask rag");

        assertThat(again).isInstanceOfSatisfying(Reply.OpenQuestion.class, o -> {
            assertThat(o.alreadyOpen()).isTrue();
            assertThat(o.question().roundId()).isEqualTo(round);
        });
        assertThat(screen.take()).contains("already open in this channel").contains("round " + round)
                .contains("closes in 10 min (10:10 UTC)");
    }

    @Test
    void questionShowsTheOpenQuestionAgainWithTimeLeftInTheCommunitysZone() {
        // the community's first schedule makes its zone Europe/Berlin (CET in February)
        String community = "zone-" + System.nanoTime();
        Screen screen = new Screen();
        var kai = console.connect(community, "room", "kai", true, screen);
        assertThat(kai.send("schedule set daily 23:00 Europe/Berlin")).isInstanceOf(Reply.Done.class);
        assertThat(kai.send("question")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("no open question"));
        screen.take();

        kai.send("ask rag easy");
        assertThat(screen.take()).contains("What is retrieval-augmented generation?")
                .contains("closes in 10 min (11:10 CET)");
        clock.advance(Duration.ofMinutes(3));

        Reply shown = kai.send("current");
        assertThat(shown).isInstanceOfSatisfying(Reply.OpenQuestion.class, o -> {
            assertThat(o.alreadyOpen()).isFalse();
            assertThat(o.question().timeLeft()).isEqualTo(Duration.ofMinutes(7));
            assertThat(o.question().zone()).isEqualTo("Europe/Berlin");
        });
        assertThat(screen.take()).contains("What is retrieval-augmented generation?").contains("closes in 7 min (11:10 CET)");

        // the feedback says how long until the reveal
        clock.advance(Duration.ofMinutes(2));
        kai.send("answer retrieval from a knowledge base into the prompt");
        assertThat(screen.take()).contains("closes in 5 min (11:10 CET); the reveal comes then");
    }

    @Test
    void roundsLongerThanFiveMinutesGetOneLastCallAMinuteBeforeTheyClose() {
        Screen screen = new Screen();
        var lou = console.connect("lou", false, channel("last-call"), screen);
        long round = ((Reply.RoundStarted) lou.send("ask")).question().roundId();
        screen.take();

        clock.set("2026-02-02T10:08:30Z");
        rounds.announceClosingSoon();
        assertThat(screen.take()).doesNotContain("last call");

        clock.set("2026-02-02T10:09:00Z");
        rounds.announceClosingSoon();
        rounds.announceClosingSoon();
        assertThat(screen.take()).containsOnlyOnce("last call")
                .contains("⏳ Round " + round + " closes in 1 min (10:10 UTC): last call for answers");
    }

    @Test
    void answeringWithNoOpenRoundSaysHowToStartOne() {
        var jan = console.connect("jan", false, channel("none"), new Screen());

        assertThat(jan.send("answer attention")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("no open question").contains("ask"));
    }

    @Test
    void badCommandsGetUsageHelp() {
        Screen screen = new Screen();
        var kim = console.connect("kim", false, channel("usage"), screen);

        kim.send("dance");
        assertThat(screen.take()).contains("Unknown command 'dance'").contains("leaderboard [channel|server|team]");
        kim.send("leaderboard galaxy");
        assertThat(screen.take()).contains("'galaxy' is not a leaderboard scope").contains("usage:");
        kim.send("answer");
        assertThat(screen.take()).contains("answer is empty");
        kim.send("help");
        assertThat(screen.take()).contains("schedule set").contains("(admin)");
    }

    @Test
    void adminCommandsAreRefusedForPlayersWithTheReason() {
        Screen screen = new Screen();
        String room = channel("admin");
        var lee = console.connect("lee", false, room, screen);

        Reply set = lee.send("schedule set daily 09:00 Europe/Berlin");
        Reply reload = lee.send("reload");

        assertThat(set).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Only admins can set schedules").contains("Manage Server"));
        assertThat(reload).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("Only admins can reload"));
        // in this channel: another test class's admin "lee" may own schedules elsewhere in the shared database
        assertThat(jdbc.sql("SELECT COUNT(*) FROM schedule WHERE owner_user_id = 'lee' AND channel = ?")
                .param(room).query(Integer.class).single()).isZero();
    }

    @Test
    void topicsListTheBankWithCounts() {
        Screen screen = new Screen();
        console.connect("max", false, channel("topics"), screen).send("topics");
        assertThat(screen.all()).contains("rag — Retrieval-augmented generation (2 questions: 1 easy, 1 hard)")
                .contains("evaluation — Evaluation and monitoring (0 questions)");
    }

    private static String firstRound(String text) {
        Matcher m = ROUND.matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
