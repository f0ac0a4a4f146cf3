package dev.quizbot.slack;

import static dev.quizbot.slack.SlackTestSupport.SLACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.DeliveryFailed;
import dev.quizbot.chat.Views;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/** What Slack and the workspace throw at the adapter besides a happy round, over real HTTP. */
class SlackHttpEdgeCasesTest extends SlackHttpTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    dev.quizbot.outbox.Outbox outbox;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aTamperedBodyIsRejectedWith401AndNeverReachesTheCore() throws Exception {
        var signed = slack.slashCommand("U1", "C1", "stats", SLACK.responseUrl("t"));

        HttpResponse<String> response = slack.send(signed.withBody(signed.body().replace("stats", "ask")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(core.handled()).isEmpty();
    }

    @Test
    void aRequestSignedMoreThanFiveMinutesAgoIsRejected() throws Exception {
        var fresh = slack.slashCommand("U1", "C1", "stats", SLACK.responseUrl("stale"));
        var stale = slack.sign(fresh.contentType(), fresh.body(), Instant.now().minus(Duration.ofMinutes(5).plusSeconds(10)));

        HttpResponse<String> response = slack.send(stale);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(core.handled()).isEmpty();
    }

    @Test
    void aRetriedDeliveryNeverCountsAnAnswerTwice() throws Exception {
        long roundId = askAndReadRound("C-RETRY");
        String metadata = roundId + ":" + FakeSlackServer.TEAM + ":C-RETRY";
        var submission = slack.answerSubmission("U5", "V-RETRY", metadata, "Keys, queries and values.");

        HttpResponse<String> first = slack.send(submission);
        HttpResponse<String> retry = slack.send(submission.retried(1));

        assertThat(first.body()).contains("64/100");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).doesNotContain("64/100", "already answered");
        assertThat(core.handled(Command.Answer.class)).hasSize(1);
    }

    @Test
    void aRetriedSlashCommandAsksOnlyOnce() throws Exception {
        var ask = slack.slashCommand("U1", "C-RETRY2", "ask", SLACK.responseUrl("retry-ask"));

        slack.send(ask);
        assertThat(slack.send(ask.retried(1)).statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> SLACK.responses("retry-ask"), r -> !r.isEmpty());
        assertThat(core.handled(Command.Ask.class)).hasSize(1);
        assertThat(SLACK.calls("chat.postMessage", "C-RETRY2")).hasSize(1);
    }

    @Test
    void aMemberWhoIsNotAnAdminCannotSetASchedule() throws Exception {
        slack.send(slack.slashCommand("U-PLAIN", "C1", "schedule set daily 09:00 Europe/Berlin", SLACK.responseUrl("plain")));

        var refusal = await().atMost(WAIT).until(() -> SLACK.responses("plain"), r -> !r.isEmpty()).getFirst();
        assertThat(refusal.param("response_type")).isEqualTo("ephemeral");
        assertThat(refusal.param("text")).contains("Only workspace admins can manage schedules.", "Usage: `/quiz schedule set");
        var handled = core.handled(Command.ScheduleSet.class).getFirst();
        assertThat(handled.caller().admin()).isFalse();
        assertThat(SLACK.calls("users.info").getFirst().param("user")).isEqualTo("U-PLAIN");
    }

    @Test
    void workspaceAdminsAndMembersOfTheAdminGroupMaySetSchedules() throws Exception {
        SLACK.admins(Set.of("U-ADMIN"));
        SLACK.adminGroup(List.of("U-GROUPIE"));

        slack.send(slack.slashCommand("U-ADMIN", "C1", "schedule set daily 09:00 Europe/Berlin", SLACK.responseUrl("admin")));
        slack.send(slack.slashCommand("U-GROUPIE", "C1", "schedule set daily 10:00 UTC", SLACK.responseUrl("groupie")));

        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("admin"), r -> !r.isEmpty()).getFirst().param("text"))
                .contains("Schedule #7 set");
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("groupie"), r -> !r.isEmpty()).getFirst().param("text"))
                .contains("Schedule #7 set");
        assertThat(core.handled(Command.ScheduleSet.class)).allMatch(h -> h.caller().admin());
        assertThat(SLACK.calls("usergroups.users.list").getFirst().param("usergroup")).isEqualTo("S0ADMINS");
    }

    @Test
    void aRateLimitedPostIsRetriedAfterSlacksRetryAfter() throws Exception {
        SLACK.script("chat.postMessage", "C-BUSY", FakeSlackServer.Scripted.rateLimited(1));

        slack.send(slack.slashCommand("U1", "C-BUSY", "ask", SLACK.responseUrl("busy")));

        // the outbox holds the post until Slack's Retry-After has passed, then any poll delivers it
        await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "C-BUSY"), c -> c.size() == 1);
        dev.quizbot.testing.MutableClock.SHARED.advance(java.time.Duration.ofMinutes(1));
        var posts = await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "C-BUSY"), c -> c.size() >= 2);
        assertThat(posts.getFirst().answer()).contains("ratelimited");
        assertThat(posts.get(1).answered("ts")).isNotBlank();
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("busy"), r -> !r.isEmpty()).getFirst().param("text"))
                .contains("Question posted");
        assertThat(meters.counter("quizbot.slack.api.calls", "method", "chat.postMessage", "outcome", "ok").count())
                .isPositive();
    }

    @Test
    void aChannelTheBotIsNotInTellsTheAskerAndDoesNotStopOtherChannels() throws Exception {
        SLACK.script("chat.postMessage", "C-CLOSED", FakeSlackServer.Scripted.error("not_in_channel"));

        slack.send(slack.slashCommand("U1", "C-CLOSED", "ask", SLACK.responseUrl("closed")));
        slack.send(slack.slashCommand("U1", "C-OPEN", "ask", SLACK.responseUrl("open")));

        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("closed"), r -> !r.isEmpty()).getFirst().param("text"))
                .contains("can't post in this channel", "not_in_channel", "/invite @quizbot");
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("open"), r -> !r.isEmpty()).getFirst().param("text"))
                .contains("Question posted");
        assertThat(SLACK.calls("chat.postMessage", "C-CLOSED")).hasSize(1);
    }

    @Test
    void aSlowCoreDoesNotDelayTheAcknowledgement() throws Exception {
        core.slow("U-SLOW");

        HttpResponse<String> ack = slack.send(slack.slashCommand("U-SLOW", "C1", "stats", SLACK.responseUrl("slow")));

        // Acknowledged while the core is still busy with the command.
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(SLACK.responses("slow")).isEmpty();
        core.release();
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("slow"), r -> !r.isEmpty()).getFirst().param("text"))
                .contains("Stats for Display U-SLOW");
    }

    @Test
    void feedbackTooSlowForTheModalArrivesAsAnEphemeralMessage() throws Exception {
        long roundId = askAndReadRound("C-SLOWFB");
        core.slow("U-SLOWFB");

        HttpResponse<String> ack = slack.send(slack.answerSubmission("U-SLOWFB", "V-SLOW",
                roundId + ":" + FakeSlackServer.TEAM + ":C-SLOWFB", "Softmax over scaled dot products."));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).doesNotContain("response_action");
        core.release();
        var ephemeral = await().atMost(WAIT).until(() -> SLACK.calls("chat.postEphemeral", "C-SLOWFB"), c -> !c.isEmpty()).getFirst();
        assertThat(ephemeral.param("user")).isEqualTo("U-SLOWFB");
        assertThat(ephemeral.param("text")).contains("Partial: 64/100");
    }

    @Test
    void theAppHomeShowsTheVisitorsStatsAndTheWorkspaceLeaderboardOncePerEvent() throws Exception {
        var opened = slack.appHomeOpened("U-HOME", "Ev0HOME1");

        assertThat(slack.send(opened).statusCode()).isEqualTo(200);
        assertThat(slack.send(opened.retried(1)).statusCode()).isEqualTo(200);

        var publish = await().atMost(WAIT).until(() -> SLACK.calls("views.publish"), c -> !c.isEmpty()).getFirst();
        assertThat(publish.param("user_id")).isEqualTo("U-HOME");
        JsonNode view = publish.json("view");
        assertThat(view.get("type").asString()).isEqualTo("home");
        assertThat(String.join("\n", FakeSlackServer.texts(view.get("blocks"))))
                .contains("Stats: Display U-HOME", "75%", "Workspace leaderboard · all time", "<@UTOP>", "*17.* <@U-HOME>");
        assertThat(core.handled(Command.Stats.class)).hasSize(1);
        assertThat(core.handled(Command.Leaderboard.class).getFirst().command())
                .isEqualTo(new Command.Leaderboard(dev.quizbot.chat.Scope.SERVER, dev.quizbot.chat.Period.ALL));
    }

    @Test
    void answersInQuickSuccessionEndInOneUpToDateCount() throws Exception {
        long roundId = askAndReadRound("C-BURST");
        String metadata = roundId + ":" + FakeSlackServer.TEAM + ":C-BURST";

        for (String user : List.of("UA", "UB", "UC")) {
            slack.send(slack.answerSubmission(user, "V-" + user, metadata, "An answer from " + user));
        }

        var updates = await().atMost(WAIT).until(() -> SLACK.calls("chat.update", "C-BURST"),
                c -> !c.isEmpty() && c.getLast().param("blocks").contains("3 answers so far"));
        assertThat(updates.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void aScheduleThatCouldNotPostIsReportedToItsOwnerByDirectMessage() {
        outbox.enqueue(new Announcement.ScheduleFailed(new ChannelRef("slack", FakeSlackServer.TEAM, "C-SCHED"),
                9, "U-OWNER", "No questions left for topic <rag>."));

        var dm = await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "U-OWNER"), c -> !c.isEmpty()).getFirst();
        assertThat(dm.param("text")).contains("Schedule `#9`", "<#C-SCHED>", "No questions left for topic &lt;rag&gt;.");
    }

    @Test
    void aScheduledQuestionThatCannotBePostedIsReportedInTheAlertsChannel() {
        SLACK.script("chat.postMessage", "C-GONE", FakeSlackServer.Scripted.error("channel_not_found"));
        var question = new Views.Question(900, "q", "rag", "RAG", Difficulty.EASY, "Why chunk?",
                Instant.now().plusSeconds(600), 0, "UTC", java.time.Duration.ofMinutes(10));

        outbox.enqueue(new Announcement.RoundOpened(new ChannelRef("slack", FakeSlackServer.TEAM, "C-GONE"), question, true));

        var alert = await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "C-ALERTS"), c -> !c.isEmpty()).getFirst();
        assertThat(alert.param("text")).contains("<#C-GONE>", "channel_not_found", "/invite @quizbot");
    }

    @Test
    void aQuestionPostSlackKeepsRateLimitingIsReportedToTheCoreAsUndelivered() {
        List<DeliveryFailed> reported = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<DeliveryFailed>> listener = event -> reported.add(event.getPayload());
        context.addApplicationListener(listener);
        try {
            // every attempt the adapter makes is answered with 429
            SLACK.script("chat.postMessage", "C-BUSY", IntStream.range(0, 4)
                    .mapToObj(i -> FakeSlackServer.Scripted.rateLimited(1)).toArray(FakeSlackServer.Scripted[]::new));
            var question = new Views.Question(902, "q", "rag", "RAG", Difficulty.EASY, "Why chunk?",
                    Instant.now().plusSeconds(600), 0, "UTC", java.time.Duration.ofMinutes(10));
            ChannelRef busy = new ChannelRef("slack", FakeSlackServer.TEAM, "C-BUSY");

            outbox.enqueue(new Announcement.RoundOpened(busy, question, false));

            // each try waits for its Retry-After (and the outbox's backoff): the clock moves past it
            for (int tries = 1; tries < 4; tries++) {
                int made = tries;
                await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "C-BUSY"), c -> c.size() == made);
                dev.quizbot.testing.MutableClock.SHARED.advance(java.time.Duration.ofMinutes(1));
            }
            DeliveryFailed failed = await().atMost(WAIT).until(() -> reported, r -> !r.isEmpty()).getFirst();
            assertThat(failed).isEqualTo(new DeliveryFailed(busy, 902, false,
                    "still failing after 4 tries: Slack rate limit (Retry-After 1 s)"));
            assertThat(SLACK.calls("chat.postMessage", "C-BUSY")).hasSize(4);
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void announcementsForOtherPlatformsAreLeftAlone() throws Exception {
        var question = new Views.Question(901, "q", "rag", "RAG", Difficulty.EASY, "Why chunk?",
                Instant.now().plusSeconds(600), 0, "UTC", java.time.Duration.ofMinutes(10));

        outbox.enqueue(new Announcement.RoundOpened(new ChannelRef("discord", "G1", "C-DISCORD"), question, false));
        // A Slack announcement published afterwards is handled; by then the Discord one would have been too.
        outbox.enqueue(new Announcement.RoundOpened(new ChannelRef("slack", FakeSlackServer.TEAM, "C-AFTER"), question, false));

        await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "C-AFTER"), c -> !c.isEmpty());
        assertThat(SLACK.calls("chat.postMessage", "C-DISCORD")).isEmpty();
    }

    @Test
    void onePersonFloodingCommandsIsSlowedDownWithoutBotheringTheCore() throws Exception {
        // The tests allow 12 a minute.
        for (int i = 1; i <= 13; i++) {
            slack.send(slack.slashCommand("U-FLOOD", "C1", "stats", SLACK.responseUrl("flood-" + i)));
        }

        await().atMost(WAIT).until(() -> IntStream.rangeClosed(1, 13).allMatch(i -> !SLACK.responses("flood-" + i).isEmpty()));
        long refused = IntStream.rangeClosed(1, 13)
                .filter(i -> SLACK.responses("flood-" + i).getFirst().param("text").contains("wait a minute")).count();
        assertThat(refused).isEqualTo(1);
        assertThat(core.handled(Command.Stats.class)).hasSize(12);
    }

    private long askAndReadRound(String channel) throws Exception {
        slack.send(slack.slashCommand("U1", channel, "ask", SLACK.responseUrl("ask-" + channel)));
        var post = await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", channel), c -> !c.isEmpty()).getFirst();
        JsonNode blocks = post.json("blocks");
        return Long.parseLong(blocks.get(blocks.size() - 1).get("elements").get(0).get("value").asString());
    }
}
