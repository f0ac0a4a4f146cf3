package dev.quizbot.slack;

import static dev.quizbot.slack.SlackTestSupport.SLACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.quizbot.chat.Command;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Slack adapter over real HTTP: the app on a random port receives signed requests as Slack
 * sends them, real Bolt verifies and dispatches them, and the real Slack client (on OkHttp 5)
 * calls the fake Web API on loopback.
 */
class SlackHttpRoundTest extends SlackHttpTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @org.springframework.beans.factory.annotation.Autowired
    dev.quizbot.outbox.Outbox outbox;

    @Test
    void aFullRoundGoesFromSlashCommandThroughTheModalToTheRevealInTheThread() throws Exception {
        // given /quiz ask in a channel
        HttpResponse<String> ack = slack.send(slack.slashCommand("U1", "C1", "ask transformers", SLACK.responseUrl("ask")));
        assertThat(ack.statusCode()).isEqualTo(200);

        // then the question is posted with Block Kit: topic, difficulty, a Slack date and an Answer button
        FakeSlackServer.Call post = await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "C1"), c -> !c.isEmpty()).getFirst();
        JsonNode blocks = post.json("blocks");
        String shown = String.join("\n", FakeSlackServer.texts(blocks));
        assertThat(shown).contains("Quiz: Transformers", "*Difficulty:* medium", "<!date^", "0 answers so far")
                .contains("What problem does &lt;attention&gt; solve in sequence models &amp; why?");
        JsonNode button = blocks.get(blocks.size() - 1).get("elements").get(0);
        assertThat(button.get("action_id").asString()).isEqualTo("quiz_answer");
        long roundId = Long.parseLong(button.get("value").asString());
        Command.Ask ask = (Command.Ask) core.handled(Command.Ask.class).getFirst().command();
        assertThat(ask.topic()).contains("transformers");
        // and the asker is told privately that it went out
        FakeSlackServer.Call asked = await().atMost(WAIT).until(() -> SLACK.responses("ask"), r -> !r.isEmpty()).getFirst();
        assertThat(asked.param("response_type")).isEqualTo("ephemeral");
        assertThat(asked.param("text")).contains("Question posted");

        // when U2 presses Answer
        String questionTs = post.answered("ts");
        assertThat(slack.send(slack.answerButton("U2", "C1", roundId, questionTs)).statusCode()).isEqualTo(200);

        // then a modal opens with a multi-line input capped at the grader's limit
        FakeSlackServer.Call open = await().atMost(WAIT).until(() -> SLACK.calls("views.open"), c -> !c.isEmpty()).getFirst();
        JsonNode modal = open.json("view");
        assertThat(modal.get("callback_id").asString()).isEqualTo("quiz_answer_modal");
        JsonNode input = modal.get("blocks").get(1).get("element");
        assertThat(input.get("multiline").asBoolean()).isTrue();
        assertThat(input.get("max_length").asInt()).isEqualTo(2000);
        String metadata = modal.get("private_metadata").asString();

        // when U2 submits an answer
        HttpResponse<String> submitted = slack.send(slack.answerSubmission("U2", "V2", metadata,
                "Attention computes a weighted sum over all positions."));

        // then the feedback replaces the modal, for U2's eyes only
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).contains("\"response_action\":\"update\"", "Partial", "64/100", "query/key/value");
        var answer = core.handled(Command.Answer.class).getFirst();
        assertThat(answer.command()).isEqualTo(new Command.Answer(java.util.Optional.of(roundId),
                "Attention computes a weighted sum over all positions."));
        assertThat(answer.caller().channel().channel()).isEqualTo("C1");
        assertThat(answer.caller().displayName()).isEqualTo("Display U2");

        // and the post's answer count is edited
        FakeSlackServer.Call counted = await().atMost(WAIT)
                .until(() -> SLACK.calls("chat.update", "C1"), c -> !c.isEmpty()).getFirst();
        assertThat(String.join("\n", FakeSlackServer.texts(counted.json("blocks")))).contains("1 answer so far");

        // when the round closes
        core.close(roundId);

        // then the reveal goes into the question's thread and the post loses its button
        FakeSlackServer.Call reveal = await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "C1"), c -> c.size() >= 2).get(1);
        assertThat(reveal.param("thread_ts")).isEqualTo(questionTs);
        assertThat(String.join("\n", FakeSlackServer.texts(reveal.json("blocks"))))
                .contains(ScriptedChatService.REFERENCE, "1 person answered", "<@U2> (64/100)");
        FakeSlackServer.Call closedPost = await().atMost(WAIT)
                .until(() -> SLACK.calls("chat.update", "C1"), c -> c.stream().anyMatch(u -> !u.param("blocks").contains("quiz_answer")))
                .stream().filter(u -> !u.param("blocks").contains("quiz_answer")).findFirst().orElseThrow();
        assertThat(closedPost.param("ts")).isEqualTo(questionTs);
        assertThat(String.join("\n", FakeSlackServer.texts(closedPost.json("blocks")))).contains("Closed <!date^", "1 answer");
    }

    @Test
    void theOpenQuestionIsShownAgainEphemerallyAndTheLastCallUpdatesThePost() throws Exception {
        slack.send(slack.slashCommand("U1", "C7", "ask", SLACK.responseUrl("ask7")));
        FakeSlackServer.Call post = await().atMost(WAIT).until(() -> SLACK.calls("chat.postMessage", "C7"), c -> !c.isEmpty()).getFirst();
        assertThat(String.join("\n", FakeSlackServer.texts(post.json("blocks")))).contains("Answers close <!date^", "(in 10 min)");
        JsonNode blocks = post.json("blocks");
        long roundId = Long.parseLong(blocks.get(blocks.size() - 1).get("elements").get(0).get("value").asString());

        // /quiz question: the open question again, for the caller alone, with the time left
        slack.send(slack.slashCommand("U3", "C7", "question", SLACK.responseUrl("question7")));
        FakeSlackServer.Call shown = await().atMost(WAIT).until(() -> SLACK.responses("question7"), r -> !r.isEmpty()).getFirst();
        assertThat(shown.param("response_type")).isEqualTo("ephemeral");
        assertThat(shown.param("blocks")).contains("What problem does").contains("closes in 10 min (").contains("UTC)");

        // the last call: the post's context line says it closes within the minute
        outbox.enqueue(new dev.quizbot.chat.Announcement.ClosingSoon(
                new dev.quizbot.chat.ChannelRef("slack", FakeSlackServer.TEAM, "C7"), core.question(roundId)));
        FakeSlackServer.Call updated = await().atMost(WAIT).until(() -> SLACK.calls("chat.update", "C7"),
                c -> c.stream().anyMatch(u -> u.param("blocks").contains("Closing in 1 minute"))).getFirst();
        assertThat(updated.param("ts")).isEqualTo(post.answered("ts"));
        assertThat(updated.param("blocks")).contains("quiz_answer");
    }

}
