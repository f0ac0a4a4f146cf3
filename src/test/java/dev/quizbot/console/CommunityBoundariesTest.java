package dev.quizbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.chat.Reply;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/**
 * Every command that names a round, schedule or team works only where that thing lives: a
 * caller from another channel or community gets the answer an unknown id gets, and nothing
 * changes.
 */
@QuizbotTest
class CommunityBoundariesTest {

    @Autowired
    ConsoleChat console;
    @Autowired
    JdbcClient jdbc;

    private static String unique(String name) {
        return name + "-" + System.nanoTime();
    }

    private static String reason(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Refused.class);
        return ((Reply.Refused) reply).reason();
    }

    private long openRoundIn(String community, String channel) {
        var asker = console.connect(community, channel, "asker", false, new Screen());
        assertThat(asker.send("ask rag")).isInstanceOf(Reply.RoundStarted.class);
        return jdbc.sql("SELECT id FROM quiz_round WHERE open_channel_key = ?")
                .param("console:" + community + ":" + channel).query(Long.class).single();
    }

    private int answersTo(long roundId) {
        return jdbc.sql("SELECT COUNT(*) FROM answer WHERE round_id = ?").param(roundId).query(Integer.class).single();
    }

    @Test
    void answeringARoundOfAnotherChannelIsRefusedLikeAnUnknownRound() {
        MutableClock.SHARED.set("2026-11-02T10:00:00Z");
        String community = unique("server");
        long roundId = openRoundIn(community, "home");
        var elsewhere = console.connect(community, "other-channel", "mallory", false, new Screen());

        String refused = reason(elsewhere.send("answer #" + roundId + " retrieval from a knowledge base into the prompt"));
        long unknownId = roundId + 1_000_000;
        assertThat(refused).isEqualTo(reason(elsewhere.send("answer #" + unknownId + " anything"))
                .replace(Long.toString(unknownId), Long.toString(roundId)));
        assertThat(answersTo(roundId)).isZero();
    }

    @Test
    void answeringARoundOfAnotherCommunityIsRefusedLikeAnUnknownRound() {
        MutableClock.SHARED.set("2026-11-02T10:00:00Z");
        long roundId = openRoundIn(unique("server-a"), "quiz");
        // the same channel name in another server or workspace is another channel
        var otherCommunity = console.connect(unique("server-b"), "quiz", "mallory", false, new Screen());

        assertThat(reason(otherCommunity.send("answer #" + roundId + " retrieval from a knowledge base")))
                .isEqualTo("There is no round " + roundId + ".");
        assertThat(answersTo(roundId)).isZero();
    }

    @Test
    void removingAScheduleOfAnotherChannelOrCommunityIsRefusedLikeAnUnknownSchedule() {
        MutableClock.SHARED.set("2026-11-02T10:00:00Z");
        String community = unique("server");
        var owner = console.connect(community, "home", "admin", true, new Screen());
        Reply set = owner.send("schedule set daily 09:00 UTC rag");
        assertThat(set).isInstanceOf(Reply.Done.class);
        long id = Long.parseLong(((Reply.Done) set).message().replaceAll("^Schedule (\\d+) set.*$", "$1"));
        long unknownId = id + 1_000_000;

        var otherChannelAdmin = console.connect(community, "other-channel", "admin2", true, new Screen());
        var otherCommunityAdmin = console.connect(unique("server-b"), "home", "admin3", true, new Screen());
        String unknown = reason(otherChannelAdmin.send("schedule remove " + unknownId))
                .replace(Long.toString(unknownId), Long.toString(id));
        assertThat(reason(otherChannelAdmin.send("schedule remove " + id))).isEqualTo(unknown);
        assertThat(reason(otherCommunityAdmin.send("schedule remove " + id))).isEqualTo(unknown);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM schedule WHERE id = ?").param(id).query(Integer.class).single())
                .isEqualTo(1);

        // where it lives, it goes
        assertThat(owner.send("schedule remove " + id)).isInstanceOf(Reply.Done.class);
    }

    @Test
    void joiningATeamOfAnotherCommunityIsRefusedLikeAnUnknownTeam() {
        String team = unique("Vectors");
        var founder = console.connect(unique("server-a"), "quiz", "founder", false, new Screen());
        assertThat(founder.send("team create " + team)).isInstanceOf(Reply.Done.class);

        var outsider = console.connect(unique("server-b"), "quiz", "outsider", false, new Screen());
        String never = unique("Nobody");
        assertThat(reason(outsider.send("team join " + team)))
                .isEqualTo(reason(outsider.send("team join " + never)).replace(never, team));
    }
}
