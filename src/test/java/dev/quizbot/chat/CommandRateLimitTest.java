package dev.quizbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.console.ConsoleChat;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/** The core's per-user command limit, met through the console chat with the default settings. */
@QuizbotTest
class CommandRateLimitTest {

    @Autowired
    ConsoleChat console;
    @Autowired
    RateLimitProperties limits;
    @Autowired
    JdbcClient jdbc;

    final MutableClock clock = MutableClock.SHARED;

    private static String community(String name) {
        return name + "-" + System.nanoTime();
    }

    /** Sends {@code help} until the limit refuses one; returns the replies. */
    private static List<Reply> sendUntilRefused(ConsoleChat.ConsoleSession session, int max) {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Reply reply = session.send("help");
            replies.add(reply);
            if (reply instanceof Reply.Refused) {
                break;
            }
        }
        return replies;
    }

    @Test
    void aBurstBeyondTheLimitIsRefusedWithTheTimeToRetry() {
        clock.set("2026-10-01T10:00:00Z");
        var user = console.connect(community("burst"), "quiz", "uma", false, new Screen());

        List<Reply> replies = sendUntilRefused(user, limits.burst() + 5);

        assertThat(replies).hasSize(limits.burst() + 1);
        assertThat(replies.subList(0, limits.burst())).allMatch(r -> r instanceof Reply.Help);
        long secondsPerCommand = 60 / limits.perMinute();
        assertThat(((Reply.Refused) replies.getLast()).reason())
                .contains(limits.perMinute() + " a minute")
                .contains("Try again in " + secondsPerCommand + " seconds");

        // one command's worth of time later, exactly one more goes through
        clock.set(clock.instant().plus(Duration.ofSeconds(secondsPerCommand)));
        assertThat(user.send("help")).isInstanceOf(Reply.Help.class);
        assertThat(user.send("help")).isInstanceOf(Reply.Refused.class);
    }

    @Test
    void aRefusedAnswerIsNotRecordedAndCanBeSentOnceTheWaitIsOver() {
        clock.set("2026-10-02T10:00:00Z");
        String community = community("answer");
        var asker = console.connect(community, "quiz", "vic", false, new Screen());
        var user = console.connect(community, "quiz", "wen", false, new Screen());
        assertThat(asker.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);
        sendUntilRefused(user, limits.burst() + 5);

        Reply refused = user.send("answer retrieval of documents added to the prompt");

        assertThat(refused).isInstanceOf(Reply.Refused.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM answer WHERE user_id = ? AND community_key = ?")
                .params(user.caller().userId(), "console:" + community).query(Integer.class).single()).isZero();
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        Reply later = user.send("answer retrieval of documents added to the prompt");
        assertThat(later).isInstanceOf(Reply.Feedback.class);
    }

    @Test
    void theLimitIsPerUserAndPerCommunity() {
        clock.set("2026-10-03T10:00:00Z");
        String community = community("apart");
        var flooder = console.connect(community, "quiz", "xia", false, new Screen());
        sendUntilRefused(flooder, limits.burst() + 5);
        assertThat(flooder.send("help")).isInstanceOf(Reply.Refused.class);

        var neighbour = console.connect(community, "quiz", "yan", false, new Screen());
        var sameUserElsewhere = console.connect(community("other"), "quiz", "xia", false, new Screen());

        assertThat(neighbour.send("help")).isInstanceOf(Reply.Help.class);
        assertThat(sameUserElsewhere.send("help")).isInstanceOf(Reply.Help.class);
    }

    @Test
    void aClockSteppingBackDoesNotLockAUserOut() {
        clock.set("2026-10-04T10:00:00Z");
        var user = console.connect(community("ntp"), "quiz", "zed", false, new Screen());
        sendUntilRefused(user, limits.burst() + 5);

        clock.set("2026-10-04T09:00:00Z");

        assertThat(user.send("help")).isInstanceOf(Reply.Help.class);
    }

    @Autowired
    java.time.Clock appClock;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void theLimitHoldsOnAnotherInstanceAndAfterARestart() {
        clock.set("2026-10-05T10:00:00Z");
        String community = community("shared");
        var user = console.connect(community, "quiz", "ola", false, new Screen());
        sendUntilRefused(user, limits.burst() + 5);

        // a second instance (or this one restarted) starts with nothing in memory: the bucket is in the database
        var otherInstance = new CommandRateLimit(limits, appClock, meters, jdbc, transactions);
        Caller sameCaller = new Caller(new ChannelRef("console", community, "quiz"), "ola", "ola", false);
        assertThat(otherInstance.acquire(sameCaller)).hasValueSatisfying(wait -> assertThat(wait).isPositive());

        clock.advance(Duration.ofSeconds(60 / limits.perMinute()));
        assertThat(otherInstance.acquire(sameCaller)).isEmpty();
        assertThat(user.send("help")).isInstanceOf(Reply.Refused.class);
    }

    @Test
    void aLimitOfZeroIsRejectedAtStartupUnlessTheLimitIsOff() {
        assertThatThrownBy(() -> new RateLimitProperties(true, 0, 10))
                .hasMessageContaining("quizbot.rate-limit.per-minute");
        assertThat(new RateLimitProperties(false, 0, 0).enabled()).isFalse();
    }
}
