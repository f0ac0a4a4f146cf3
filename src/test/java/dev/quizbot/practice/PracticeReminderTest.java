package dev.quizbot.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.quizbot.chat.Reply;
import dev.quizbot.console.ConsoleChat;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.QuizbotTest;
import dev.quizbot.testing.Screen;

/** {@code practice remind}: once a day at local time when something is due, caught up within grace, never twice. */
@QuizbotTest
class PracticeReminderTest {

    private static final String NUDGE = "Practice reminder:";

    @Autowired
    ConsoleChat console;
    @Autowired
    PracticeService practice;

    final MutableClock clock = MutableClock.SHARED;

    @BeforeEach
    void morning() {
        clock.set("2026-03-02T06:00:00Z");
    }

    private record Player(ConsoleChat.ConsoleSession session, Screen screen) {
        long nudges() {
            return screen.all().lines().filter(l -> l.contains(NUDGE)).count();
        }
    }

    /** A player with one question due in practice (a miss, due again 10 minutes later). */
    private Player playerWithADueQuestion(String name) {
        Screen screen = new Screen();
        var session = console.connect(name + "-" + System.nanoTime(), "room", name, false, screen);
        session.send("practice rag easy");
        session.send("answer no idea");
        session.send("practice stop");
        clock.advance(Duration.ofMinutes(11));
        return new Player(session, screen);
    }

    @Test
    void aDueNudgeGoesOutOnceAtTheLocalTimeAndNotWhenNothingIsDue() {
        Player ann = playerWithADueQuestion("ann");
        assertThat(ann.session().send("practice remind 09:00 Europe/Berlin")).isInstanceOfSatisfying(Reply.Done.class,
                d -> assertThat(d.message()).contains("09:00 Europe/Berlin"));

        clock.set("2026-03-02T07:59:00Z");
        practice.sendDueReminders();
        assertThat(ann.nudges()).isZero();

        clock.set("2026-03-02T08:00:00Z");
        practice.sendDueReminders();
        practice.sendDueReminders();
        assertThat(ann.nudges()).isEqualTo(1);
        assertThat(ann.screen().all()).contains("1 question is due");

        // the next day the question is still due: one more nudge
        clock.set("2026-03-03T08:00:30Z");
        practice.sendDueReminders();
        assertThat(ann.nudges()).isEqualTo(2);

        // once answered well it is not due for days: no nudge
        ann.session().send("practice rag easy");
        ann.session().send("answer retrieval from a knowledge base into the prompt");
        clock.set("2026-03-04T08:00:00Z");
        practice.sendDueReminders();
        assertThat(ann.nudges()).isEqualTo(2);

        assertThat(ann.session().send("practice remind off")).isInstanceOf(Reply.Done.class);
        assertThat(ann.session().send("practice remind off")).isInstanceOf(Reply.Refused.class);
    }

    @Test
    void twoInstancesTickingAtOnceSendOneNudge() throws Exception {
        Player bo = playerWithADueQuestion("bo");
        bo.session().send("practice remind 10:00 UTC");
        clock.set("2026-03-02T10:00:00Z");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> ticks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ticks.add(practice::sendDueReminders);
            }
            for (Future<Integer> tick : pool.invokeAll(ticks)) {
                tick.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(bo.nudges()).isEqualTo(1);
        bo.session().send("practice remind off");
    }

    @Test
    void aMissedNudgeGoesOutLateWithinGraceAndIsSkippedAfter() {
        Player cy = playerWithADueQuestion("cy");
        cy.session().send("practice remind 07:00 UTC");

        // down at 07:00, back at 07:20: within the 30-minute grace
        clock.set("2026-03-02T07:20:00Z");
        practice.sendDueReminders();
        assertThat(cy.nudges()).isEqualTo(1);

        // down at 07:00 the next day, back at 07:45: skipped, and not sent later that day either
        clock.set("2026-03-03T07:45:00Z");
        practice.sendDueReminders();
        clock.set("2026-03-03T20:00:00Z");
        practice.sendDueReminders();
        assertThat(cy.nudges()).isEqualTo(1);
        cy.session().send("practice remind off");
    }

    @Test
    void aTimeSkippedBySpringForwardFiresWhenTheClockHasJumped() {
        clock.set("2026-03-28T12:00:00Z");
        Player dee = playerWithADueQuestion("dee");
        dee.session().send("practice remind 02:30 Europe/Berlin");

        // 2026-03-29: Berlin goes from 02:00 CET to 03:00 CEST; 02:30 does not exist, 03:30 CEST is 01:30 UTC
        clock.set("2026-03-29T01:29:00Z");
        practice.sendDueReminders();
        assertThat(dee.nudges()).isZero();
        clock.set("2026-03-29T01:30:00Z");
        practice.sendDueReminders();
        assertThat(dee.nudges()).isEqualTo(1);
        dee.session().send("practice remind off");
    }

    @Test
    void aTimeAlreadyPastTodayStartsTomorrowAndBadInputIsRefused() {
        Player eve = playerWithADueQuestion("eve");
        clock.set("2026-03-02T12:00:00Z");
        eve.session().send("practice remind 11:50 UTC");
        practice.sendDueReminders();
        assertThat(eve.nudges()).isZero();

        assertThat(eve.session().send("practice remind 25:00 UTC")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("not a time"));
        assertThat(eve.session().send("practice remind 08:00 Mars/Olympus")).isInstanceOfSatisfying(Reply.Refused.class,
                r -> assertThat(r.reason()).contains("not a timezone"));
        eve.session().send("practice remind off");
    }
}
