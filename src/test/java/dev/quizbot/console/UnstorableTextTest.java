package dev.quizbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.chat.Reply;
import dev.quizbot.chat.StorableText;
import dev.quizbot.scoring.Players;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/**
 * Text PostgreSQL cannot store (U+0000, and lone surrogates that are no character at all) is
 * refused where commands enter the core, with a message that says what to fix, so H2 (which
 * would store it) and PostgreSQL (which fails on it) answer alike.
 */
@QuizbotTest
class UnstorableTextTest {

    @Autowired
    ConsoleChat console;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Players players;

    @Test
    void anAnswerWithANulIsRefusedClearlyAndNothingIsStored() {
        MutableClock.SHARED.set("2026-11-09T10:00:00Z");
        String channel = "nul-" + System.nanoTime();
        var alice = console.connect("nul-community", channel, "alice", false, new Screen());
        assertThat(alice.send("ask rag")).isInstanceOf(Reply.RoundStarted.class);

        Reply reply = alice.send("answer retrieval\u0000 from a knowledge base into the prompt");

        assertThat(reply).isInstanceOfSatisfying(Reply.Refused.class, r -> assertThat(r.reason())
                .contains("NUL character (U+0000)", "cannot store", "nothing was recorded"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM answer WHERE channel_key = ?")
                .param("console:nul-community:" + channel).query(Integer.class).single()).isZero();
        // and the same answer without it is taken
        assertThat(alice.send("answer retrieval from a knowledge base into the prompt")).isInstanceOf(Reply.Feedback.class);
    }

    @Test
    void aCommandArgumentWithANulOrABrokenCharacterIsRefused() {
        var bob = console.connect("nul-teams-" + System.nanoTime(), "quiz", "bob", false, new Screen());

        assertThat(bob.send("team create Vec\u0000tors")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("U+0000"));
        assertThat(bob.send("team create Vec\uD800tors")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("U+D800"));
        assertThat(bob.send("ask \u0000")).isInstanceOf(Reply.Refused.class);
        // a real character outside the basic plane passes the check (the team rules judge the rest)
        assertThat(StorableText.problem("Vectors \uD83D\uDE80")).isEmpty();
        assertThat(bob.send("team create Vectors")).isInstanceOf(Reply.Done.class);
    }

    @Test
    void aDisplayNameFromThePlatformLosesWhatCannotBeStored() {
        String community = "console:names-" + System.nanoTime();
        players.remember(community, "u1", "Al\u0000ice\uDC00");

        assertThat(jdbc.sql("SELECT display_name FROM player WHERE community_key = ? AND user_id = 'u1'")
                .param(community).query(String.class).single()).isEqualTo("Alice");
        assertThat(StorableText.strip("ok \uD83D\uDE80")).isEqualTo("ok \uD83D\uDE80");
    }
}
