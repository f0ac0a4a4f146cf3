package dev.quizbot.web;

import static dev.quizbot.testing.KeywordTestGrader.BAD;
import static dev.quizbot.testing.KeywordTestGrader.GOOD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.quizbot.chat.Reply;
import dev.quizbot.console.ConsoleChat;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.Screen;

/**
 * One community's three weeks of play, for the history API and browser tests. Now is
 * Wednesday 2026-09-16 10:00 UTC (week of Monday 09-14):
 * <ol>
 *   <li>09-01, #general, rag easy: ann correct, bo incorrect</li>
 *   <li>09-08, #general, fine-tuning (lora): ann correct, bo partial</li>
 *   <li>09-15, #random, rag hard: ann incorrect ("answer no idea"), cy correct</li>
 *   <li>09-16, #general, rag easy, still open: bo answered</li>
 * </ol>
 * ann and bo are team Attention Heads, cy is team Lone Wolves. The community is published
 * unless told otherwise.
 */
final class WebSeed {

    static final String NOW = "2026-09-16T10:00:00Z";
    static final String CY_ANSWER = "answer embedding, context window and overlap";

    private WebSeed() {
    }

    static void play(ConsoleChat console, RoundService rounds, String community, boolean publish) {
        MutableClock clock = MutableClock.SHARED;
        clock.set("2026-08-20T09:00:00Z");
        var ann = console.connect(community, "general", "ann", false, new Screen());
        var bo = console.connect(community, "general", "bo", false, new Screen());
        var annRandom = console.connect(community, "random", "ann", false, new Screen());
        var cy = console.connect(community, "random", "cy", false, new Screen());
        assertThat(ann.send("team create Attention Heads")).isInstanceOf(Reply.Done.class);
        assertThat(bo.send("team join Attention Heads")).isInstanceOf(Reply.Done.class);
        assertThat(cy.send("team create Lone Wolves")).isInstanceOf(Reply.Done.class);

        clock.set("2026-09-01T09:00:00Z");
        round(ann, "ask rag easy", rounds, clock, ann, GOOD, bo, BAD);
        clock.set("2026-09-08T09:00:00Z");
        round(ann, "ask fine-tuning", rounds, clock, ann, "answer low-rank and frozen weights", bo, "answer low-rank");
        clock.set("2026-09-15T09:00:00Z");
        round(cy, "ask rag hard", rounds, clock, annRandom, "answer no idea", cy, CY_ANSWER);

        clock.set(NOW);
        assertThat(bo.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        assertThat(bo.send(GOOD)).isInstanceOf(Reply.Feedback.class);
        if (publish) {
            var admin = console.connect(community, "general", "admin", true, new Screen());
            assertThat(admin.send("leaderboard publish on")).isInstanceOf(Reply.Done.class);
        }
    }

    private static void round(ConsoleChat.ConsoleSession asker, String ask, RoundService rounds, MutableClock clock,
                              ConsoleChat.ConsoleSession first, String firstAnswer,
                              ConsoleChat.ConsoleSession second, String secondAnswer) {
        assertThat(asker.send(ask)).isInstanceOf(Reply.RoundStarted.class);
        assertThat(first.send(firstAnswer)).isInstanceOf(Reply.Feedback.class);
        assertThat(second.send(secondAnswer)).isInstanceOf(Reply.Feedback.class);
        clock.advance(Duration.ofMinutes(11));
        rounds.closeDue();
    }
}
