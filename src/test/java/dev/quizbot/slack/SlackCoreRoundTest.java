package dev.quizbot.slack;

import static dev.quizbot.slack.SlackTestSupport.SLACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import dev.quizbot.chat.ChannelRef;
import dev.quizbot.practice.PracticeService;
import dev.quizbot.round.RoundService;
import dev.quizbot.schedule.ScheduleService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.TestBeans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A whole round through Slack with the real core behind the adapter: the real command parser,
 * chat service, rounds, scoring and database, graded by the tests' keyword grader. Slack is the
 * fake on loopback; the core's clock is moved by hand to close the round.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizbot.bank.path=src/test/resources/test-bank",
        "quizbot.scoring.default-zone=UTC"})
@Import(TestBeans.class)
class SlackCoreRoundTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        SlackTestSupport.properties(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:slack-core;DB_CLOSE_DELAY=-1");
        // The stand-in round test covers the threaded reveal; this one the default, in the channel.
        registry.add("quizbot.slack.reveal-in-thread", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    RoundService rounds;

    @Autowired
    SlackUsers users;

    @Autowired
    ScheduleService schedules;

    @Autowired
    PracticeService practice;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    SignedSlackRequests slack;

    @BeforeEach
    void connect() {
        SLACK.reset();
        users.forgetCachedLookups();
        slack = new SignedSlackRequests(port);
    }

    @Test
    void anAnswerFromAnotherChannelOrWorkspaceIsRefusedLikeAnUnknownRound() throws Exception {
        slack.send(slack.slashCommand("U-ASKER", "C-BOUNDS", "ask rag", SLACK.responseUrl("bounds-ask")));
        JsonNode blocks = await().atMost(WAIT)
                .until(() -> SLACK.calls("chat.postMessage", "C-BOUNDS"), c -> !c.isEmpty()).getFirst().json("blocks");
        long roundId = Long.parseLong(blocks.get(blocks.size() - 1).get("elements").get(0).get("value").asString());

        slack.send(slack.slashCommand("U-OTHER", "C-ELSEWHERE", "answer #" + roundId + " retrieval into the prompt",
                SLACK.responseUrl("bounds-channel")));
        slack.send(slack.slashCommand("T-OTHER", "U-OTHER", "C-BOUNDS", "answer #" + roundId
                + " retrieval into the prompt", SLACK.responseUrl("bounds-workspace")));

        for (String response : new String[] {"bounds-channel", "bounds-workspace"}) {
            assertThat(await().atMost(WAIT).until(() -> SLACK.responses(response), r -> !r.isEmpty())
                    .getFirst().param("text")).contains("There is no round " + roundId + ".");
        }
        assertThat(rounds.openRound(new ChannelRef("slack", FakeSlackServer.TEAM, "C-BOUNDS")).orElseThrow()
                .answerCount()).isZero();
        MutableClock.SHARED.advance(Duration.ofMinutes(11));
        rounds.closeDue();
    }

    @Test
    void aRoundPlayedInSlackIsGradedScoredAndRevealedByTheCore() throws Exception {
        // /quiz ask: the core opens a round and the adapter posts it
        slack.send(slack.slashCommand("U-ASKER", "C-CORE", "ask transformers easy", SLACK.responseUrl("core-ask")));
        FakeSlackServer.Call post = await().atMost(WAIT)
                .until(() -> SLACK.calls("chat.postMessage", "C-CORE"), c -> !c.isEmpty()).getFirst();
        JsonNode blocks = post.json("blocks");
        assertThat(String.join("\n", FakeSlackServer.texts(blocks)))
                .contains("What does self-attention compute?", "*Difficulty:* easy", "<!date^");
        long roundId = Long.parseLong(blocks.get(blocks.size() - 1).get("elements").get(0).get("value").asString());
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("core-ask"), r -> !r.isEmpty())
                .getFirst().param("text")).contains("Question posted");

        // Answer button: the modal shows the question from the stored post
        slack.send(slack.answerButton("U-ANSWERER", "C-CORE", roundId, post.answered("ts")));
        JsonNode modal = await().atMost(WAIT).until(() -> SLACK.calls("views.open"), c -> !c.isEmpty())
                .getFirst().json("view");
        assertThat(modal.toString()).contains("What does self-attention compute?");
        String metadata = modal.get("private_metadata").asString();

        // the answer is graded by the core and the feedback shown in the modal, privately
        HttpResponse<String> graded = slack.send(slack.answerSubmission("U-ANSWERER", "V-CORE-1", metadata,
                "Queries are compared with keys; the output is a weighted sum of the values."));
        assertThat(graded.body()).contains("\"response_action\":\"update\"", "Correct", "100/100");

        // a second answer from the same person is refused, not counted
        HttpResponse<String> again = slack.send(slack.answerSubmission("U-ANSWERER", "V-CORE-2", metadata, "keys"));
        assertThat(again.body()).contains("already");

        // the count on the post follows
        await().atMost(WAIT).until(() -> SLACK.calls("chat.update", "C-CORE"),
                c -> c.stream().anyMatch(u -> u.param("blocks").contains("1 answer so far")));

        // the deadline passes: the core closes the round and the reveal goes to the channel
        MutableClock.SHARED.advance(Duration.ofMinutes(11));
        assertThat(rounds.closeDue()).isPositive();
        FakeSlackServer.Call reveal = await().atMost(WAIT)
                .until(() -> SLACK.calls("chat.postMessage", "C-CORE"), c -> c.size() >= 2).get(1);
        assertThat(reveal.param("thread_ts")).isNull();
        assertThat(String.join("\n", FakeSlackServer.texts(reveal.json("blocks"))))
                .contains("weighted sum of value vectors", "1 person answered, 1 got it right", "<@U-ANSWERER>");
        await().atMost(WAIT).until(() -> SLACK.calls("chat.update", "C-CORE"),
                c -> c.stream().anyMatch(u -> !u.param("blocks").contains("quiz_answer")));

        // and the leaderboard asked in Slack counts the answer, for the channel to see
        slack.send(slack.slashCommand("U-ANSWERER", "C-CORE", "leaderboard channel all", SLACK.responseUrl("core-board")));
        FakeSlackServer.Call board = await().atMost(WAIT).until(() -> SLACK.responses("core-board"), r -> !r.isEmpty()).getFirst();
        assertThat(board.param("response_type")).isEqualTo("in_channel");
        assertThat(String.join("\n", FakeSlackServer.texts(board.json("blocks")))).contains("*1.* <@U-ANSWERER> — 100 pts");
    }

    @Test
    void aScheduledQuestionSlackRefusesClosesItsRoundAndTellsTheScheduleOwner() throws Exception {
        // given an admin's daily schedule in a channel the bot was never invited to
        SLACK.admins(Set.of("U-OWNER"));
        MutableClock.SHARED.set("2030-03-04T05:00:00Z");
        slack.send(slack.slashCommand("U-OWNER", "C-UNINVITED", "schedule set daily 06:00 UTC",
                SLACK.responseUrl("core-schedule-set")));
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("core-schedule-set"), r -> !r.isEmpty())
                .getFirst().param("text")).contains("Schedule", "set");
        SLACK.script("chat.postMessage", "C-UNINVITED", FakeSlackServer.Scripted.error("not_in_channel"));

        // when its slot comes and Slack refuses the question post
        MutableClock.SHARED.set("2030-03-04T06:00:00Z");
        assertThat(schedules.fireDue()).isEqualTo(1);

        // then the owner hears of it in a direct message, with Slack's reason and the round closed
        FakeSlackServer.Call dm = await().atMost(WAIT)
                .until(() -> SLACK.calls("chat.postMessage", "U-OWNER"), c -> !c.isEmpty()).getFirst();
        assertThat(dm.param("text")).contains("<#C-UNINVITED>", "could not be posted", "not_in_channel",
                "/invite @quizbot", "The round was closed");
        // and the round is closed at once rather than at its deadline a day later
        FakeSlackServer.Call refused = SLACK.calls("chat.postMessage", "C-UNINVITED").getFirst();
        JsonNode blocks = refused.json("blocks");
        long roundId = Long.parseLong(blocks.get(blocks.size() - 1).get("elements").get(0).get("value").asString());
        assertThat(rounds.round(roundId).orElseThrow().closedAt()).isPresent();
        assertThat(rounds.openRound(new ChannelRef(SlackUsers.PLATFORM, FakeSlackServer.TEAM, "C-UNINVITED"))).isEmpty();
        // and the alerts channel still gets its own notice
        assertThat(await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "C-ALERTS"), c -> !c.isEmpty())
                .getFirst().param("text")).contains("<#C-UNINVITED>", "not_in_channel");
    }

    @Test
    void aQuestionSlackRefusesIsWithdrawnSoTheAskerCanAskAgainAfterInvitingTheBot() throws Exception {
        // given a channel the bot is not in
        SLACK.script("chat.postMessage", "C-NOT-YET", FakeSlackServer.Scripted.error("not_in_channel"));

        // when someone asks there, the asker is told to invite the bot and no round stays open
        slack.send(slack.slashCommand("U-ASKER", "C-NOT-YET", "ask", SLACK.responseUrl("core-refused-ask")));
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("core-refused-ask"), r -> !r.isEmpty())
                .getFirst().param("text")).contains("can't post in this channel", "/invite @quizbot");
        assertThat(rounds.openRound(new ChannelRef(SlackUsers.PLATFORM, FakeSlackServer.TEAM, "C-NOT-YET"))).isEmpty();

        // then, once invited, asking again posts a question
        slack.send(slack.slashCommand("U-ASKER", "C-NOT-YET", "ask", SLACK.responseUrl("core-second-ask")));
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("core-second-ask"), r -> !r.isEmpty())
                .getFirst().param("text")).contains("Question posted");
        assertThat(rounds.openRound(new ChannelRef(SlackUsers.PLATFORM, FakeSlackServer.TEAM, "C-NOT-YET"))).isPresent();
    }

    @Test
    void aMemberWhoIsNotAnAdminIsRefusedASchedule() throws Exception {
        slack.send(slack.slashCommand("U-MEMBER", "C-CORE", "schedule set daily 09:00 Europe/Berlin",
                SLACK.responseUrl("core-schedule")));

        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("core-schedule"), r -> !r.isEmpty())
                .getFirst().param("text")).contains("Only admins can set schedules");
    }

    @Test
    void aBareSlashCommandShowsHelpAndGibberishShowsUsage() throws Exception {
        slack.send(slack.slashCommand("U-MEMBER", "C-CORE", "", SLACK.responseUrl("core-help")));
        slack.send(slack.slashCommand("U-MEMBER", "C-CORE", "frobnicate", SLACK.responseUrl("core-bad")));

        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("core-help"), r -> !r.isEmpty())
                .getFirst().param("text")).contains("/quiz ask [topic]", "/quiz leaderboard");
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("core-bad"), r -> !r.isEmpty())
                .getFirst().param("text")).contains(":no_entry:");
    }

    private FakeSlackServer.Call command(String user, String text, String response) throws Exception {
        slack.send(slack.slashCommand(user, "C-PRACTICE", text, SLACK.responseUrl(response)));
        return await().atMost(WAIT).until(() -> SLACK.responses(response), r -> !r.isEmpty()).getFirst();
    }

    private static String shown(FakeSlackServer.Call response) {
        return String.join("\n", FakeSlackServer.texts(response.json("blocks")));
    }

    private int scoreRows() {
        return jdbc.sql("SELECT COUNT(*) FROM score_bucket WHERE scope_key LIKE 'slack:%'").query(Integer.class).single();
    }

    @Test
    void practiceInSlackIsEphemeralScheduledFedByAChannelMissAndNudgesByDirectMessage() throws Exception {
        MutableClock.SHARED.set("2031-05-05T09:00:00Z");
        int scoresBefore = scoreRows();

        // practice: the question comes back to the player alone
        FakeSlackServer.Call start = command("U-PRACTICE", "practice rag easy", "practice-start");
        assertThat(start.param("response_type")).isEqualTo("ephemeral");
        assertThat(shown(start)).contains("What is retrieval-augmented generation?", "new question");

        // a miss is graded, rated Again with the reference shown, and due again in 10 minutes
        FakeSlackServer.Call graded = command("U-PRACTICE", "answer no idea", "practice-answer");
        assertThat(graded.param("response_type")).isEqualTo("ephemeral");
        assertThat(shown(graded)).contains("incorrect", "rated *Again*", "*Reference answer:* Retrieval-augmented",
                "*Common misconceptions:*", "RAG guarantees the model never hallucinates.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM practice_card WHERE user_id = 'U-PRACTICE' AND question_id = 'what-is-rag'"
                + " AND due_at = ?").param(java.time.OffsetDateTime.parse("2031-05-05T09:10:00Z"))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(scoreRows()).isEqualTo(scoresBefore);

        // a channel round the player misses becomes due in practice
        command("U-PRACTICE", "practice stop", "practice-stop");
        command("U-ASKER", "ask fine-tuning", "practice-ask");
        assertThat(shown(command("U-PRACTICE", "answer no idea", "practice-channel-answer"))).contains("Incorrect");
        MutableClock.SHARED.advance(Duration.ofMinutes(11));
        // the question comes to practice once the round has closed and revealed its reference
        rounds.closeDue();
        assertThat(shown(command("U-PRACTICE", "practice", "practice-due"))).contains("What is LoRA?", "due for review");

        // review mistakes lists both misses, privately
        FakeSlackServer.Call mistakes = command("U-PRACTICE", "review mistakes", "practice-mistakes");
        assertThat(mistakes.param("response_type")).isEqualTo("ephemeral");
        assertThat(shown(mistakes)).contains("What is LoRA?", "What is retrieval-augmented generation?", ">You: no idea");

        // the daily nudge arrives as a direct message
        command("U-PRACTICE", "practice remind 10:00 UTC", "practice-remind");
        MutableClock.SHARED.set("2031-05-05T10:00:00Z");
        practice.sendDueReminders();
        FakeSlackServer.Call dm = await().atMost(WAIT)
                .until(() -> SLACK.calls("chat.postMessage", "U-PRACTICE"), c -> !c.isEmpty()).getFirst();
        assertThat(dm.param("text")).contains("Practice reminder", "due");
        command("U-PRACTICE", "practice remind off", "practice-remind-off");
    }

    @Test
    void anAppealInSlackIsDecidedByAnAdminAndTheRegradeArrivesByDirectMessage() throws Exception {
        SLACK.admins(Set.of("U-REVIEWER"));
        slack.send(slack.slashCommand("U-REVIEWER", "C-APPEAL", "ask rag easy", SLACK.responseUrl("appeal-ask")));
        JsonNode blocks = await().atMost(WAIT)
                .until(() -> SLACK.calls("chat.postMessage", "C-APPEAL"), c -> !c.isEmpty()).getFirst().json("blocks");
        long roundId = Long.parseLong(blocks.get(blocks.size() - 1).get("elements").get(0).get("value").asString());
        slack.send(slack.slashCommand("U-PLAYER", "C-APPEAL", "answer retrieval from documents",
                SLACK.responseUrl("appeal-answer")));
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("appeal-answer"), r -> !r.isEmpty()).getFirst()
                .param("blocks")).contains("quiz_appeal", "I think I was right");

        // the feedback's button opens the short form; submitting it files the appeal
        slack.send(slack.ephemeralButton("U-PLAYER", "C-APPEAL", "quiz_appeal", String.valueOf(roundId),
                SLACK.responseUrl("appeal-button")));
        JsonNode form = await().atMost(WAIT).until(() -> SLACK.calls("views.open"),
                c -> c.stream().anyMatch(v -> v.param("view").contains("quiz_appeal_modal"))).stream()
                .filter(v -> v.param("view").contains("quiz_appeal_modal")).findFirst().orElseThrow().json("view");
        HttpResponse<String> filed = slack.send(slack.appealSubmission("U-PLAYER", "V-APPEAL-1",
                form.get("private_metadata").asString(), "it's the whole idea"));
        assertThat(filed.body()).contains("\"response_action\":\"update\"", "review queue");
        slack.send(slack.slashCommand("U-PLAYER", "C-APPEAL", "appeal", SLACK.responseUrl("appeal")));
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("appeal"), r -> !r.isEmpty()).getFirst().param("text"))
                .contains("already appealed");
        slack.send(slack.slashCommand("U-PLAYER", "C-APPEAL", "review", SLACK.responseUrl("appeal-peek")));
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("appeal-peek"), r -> !r.isEmpty()).getFirst()
                .param("text")).contains("Only admins");

        slack.send(slack.slashCommand("U-REVIEWER", "C-APPEAL", "review", SLACK.responseUrl("appeal-show")));
        FakeSlackServer.Call shown = await().atMost(WAIT).until(() -> SLACK.responses("appeal-show"), r -> !r.isEmpty())
                .getFirst();
        String item = String.join("\n", FakeSlackServer.texts(shown.json("blocks")));
        assertThat(item).contains("round " + roundId, "it's the whole idea");
        assertThat(shown.param("blocks")).contains("quiz_review_accept", "quiz_review_reject", "quiz_review_skip");
        String itemId = item.replaceAll("(?s)^.*?Review #(\\d+).*$", "$1");

        // the Accept button decides it, answered privately
        slack.send(slack.ephemeralButton("U-REVIEWER", "C-APPEAL", "quiz_review_accept", itemId,
                SLACK.responseUrl("appeal-accept")));
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("appeal-accept"), r -> !r.isEmpty()).getFirst()
                .param("text")).contains("Accepted 1 answer as correct");

        FakeSlackServer.Call dm = await().atMost(WAIT)
                .until(() -> SLACK.calls("chat.postMessage", "U-PLAYER"), c -> !c.isEmpty()).getFirst();
        assertThat(dm.param("text")).contains("Your answer to round " + roundId + " was regraded: partial → correct, +33 points");

        // rights are looked up afresh for the queue: an admin no longer is refused at once
        SLACK.admins(Set.of());
        slack.send(slack.slashCommand("U-REVIEWER", "C-APPEAL", "review", SLACK.responseUrl("appeal-demoted")));
        assertThat(await().atMost(WAIT).until(() -> SLACK.responses("appeal-demoted"), r -> !r.isEmpty()).getFirst()
                .param("text")).contains("Only admins");
        MutableClock.SHARED.advance(Duration.ofMinutes(11));
        rounds.closeDue();
    }
}
