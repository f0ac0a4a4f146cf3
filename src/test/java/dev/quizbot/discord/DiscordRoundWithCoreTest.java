package dev.quizbot.discord;

import static dev.quizbot.discord.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.quizbot.discord.FakeDiscord.Person;
import dev.quizbot.discord.FakeDiscord.RestCall;
import dev.quizbot.practice.PracticeService;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.TestBeans;
import tools.jackson.databind.JsonNode;

/**
 * The whole product on Discord: real JDA against the fake Discord, the real core (rounds,
 * scoring, leaderboards, H2 with the real migrations), the test bank and the test grader.
 */
@SpringBootTest(properties = {
        "quizbot.bank.path=src/test/resources/test-bank",
        "spring.datasource.url=jdbc:h2:mem:discord-core;DB_CLOSE_DELAY=-1",
        "quizbot.ticker.enabled=false",
        "quizbot.console.enabled=false",
        "quizbot.scoring.default-zone=UTC",
        "quizbot.discord.token=fake-bot-token",
        "quizbot.discord.dev-guild-id=" + FakeDiscord.GUILD_ID,
        "quizbot.discord.answer-count-edit-interval=200ms"})
@Import(TestBeans.class)
@DirtiesContext
// the round test looks for the first question post the fake saw, so it runs first
@TestMethodOrder(MethodOrderer.MethodName.class)
class DiscordRoundWithCoreTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final FakeDiscord discord = DiscordAdapterTest.start();

    @Autowired
    RoundService rounds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PracticeService practice;

    @DynamicPropertySource
    static void discordUrls(DynamicPropertyRegistry registry) {
        registry.add("quizbot.discord.rest-base-url", discord::restBaseUrl);
    }

    @BeforeEach
    void loggedIn() throws InterruptedException {
        MutableClock.SHARED.set("2026-02-02T10:00:00Z");
        discord.awaitLogin(WAIT);
    }

    @Test
    void playsARoundWithTheRealCoreFromAskToReveal() throws InterruptedException {
        // given an admin asks for an easy RAG question
        String ask = discord.interact(discord.slash(Person.admin(), FakeDiscord.QUIZ_CHANNEL, List.of("ask"),
                options("topic", "rag", "difficulty", "easy")));
        assertThat(discord.awaitFollowUp(ask, WAIT).body().toString()).contains("Question posted");
        // this round's post: an earlier test's question post is still among the recorded calls
        long opened = rounds.openRound(new dev.quizbot.chat.ChannelRef("discord", FakeDiscord.GUILD_ID,
                FakeDiscord.QUIZ_CHANNEL)).orElseThrow().id();
        RestCall post = discord.await("the question post", WAIT,
                c -> c.is("POST", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages")
                        && c.body().toString().contains(DiscordIds.answerButton(opened)));
        assertThat(post.body().get("embeds").get(0).get("title").asString())
                .isEqualTo("What is retrieval-augmented generation?");
        String customId = post.body().get("components").get(0).get("components").get(0).get("custom_id").asString();
        long roundId = DiscordIds.roundOfAnswerButton(customId).orElseThrow();
        String postId = discord.messagesIn(FakeDiscord.QUIZ_CHANNEL).stream()
                .filter(m -> m.toString().contains(customId)).findFirst().orElseThrow().get("id").asString();

        // when a member opens the form and answers well
        discord.awaitCallback(discord.interact(discord.button(Person.member(), postId, customId)), WAIT);
        String submit = discord.interact(discord.modalSubmit(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                DiscordIds.answerModal(roundId), DiscordIds.ANSWER_INPUT,
                "It retrieves documents from a knowledge base and puts them in the prompt"));

        // then the grade comes back privately and the answer is stored
        JsonNode feedback = discord.awaitFollowUp(submit, WAIT).body().get("embeds").get(0);
        assertThat(feedback.get("title").asString()).startsWith("Correct");
        assertThat(jdbc.sql("select count(*) from answer where round_id = ?").param(roundId).query(Integer.class).single())
                .isEqualTo(1);
        discord.await("the answer-count edit", WAIT,
                c -> c.is("PATCH", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages/" + postId)
                        && c.body().toString().contains("1 answer"));

        // and answering twice is refused privately
        String again = discord.interact(discord.modalSubmit(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                DiscordIds.answerModal(roundId), DiscordIds.ANSWER_INPUT, "second try"));
        assertThat(discord.awaitFollowUp(again, WAIT).body().get("content").asString()).containsIgnoringCase("already");

        // when the deadline passes and the core closes the round
        MutableClock.SHARED.advance(Duration.ofMinutes(11));
        assertThat(rounds.closeDue()).isEqualTo(1);

        // then the reveal answers the question post
        RestCall reveal = discord.await("the reveal", WAIT,
                c -> c.is("POST", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages")
                        && c.body().toString().contains("Answer revealed")
                        // this round's reveal, not an earlier test's
                        && c.body().toString().contains(postId));
        assertThat(reveal.body().get("message_reference").get("message_id").asString()).isEqualTo(postId);
        assertThat(reveal.body().toString()).contains("<@" + FakeDiscord.MEMBER_ID + ">");

        // and the leaderboard shows the member
        String board = discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                List.of("leaderboard"), options("period", "today")));
        assertThat(discord.awaitFollowUp(board, WAIT).body().toString()).contains("Max");
    }

    @Test
    void anAnswerSentFromAnotherChannelIsRefusedLikeAnUnknownRound() throws InterruptedException {
        String ask = discord.interact(discord.slash(Person.admin(), FakeDiscord.QUIZ_CHANNEL, List.of("ask"),
                options("topic", "transformers")));
        discord.awaitFollowUp(ask, WAIT);
        long roundId = rounds.openRound(new dev.quizbot.chat.ChannelRef("discord", FakeDiscord.GUILD_ID,
                FakeDiscord.QUIZ_CHANNEL)).orElseThrow().id();
        int before = jdbc.sql("select count(*) from answer").query(Integer.class).single();

        // the round's id, submitted from another channel of the server
        String submit = discord.interact(discord.modalSubmit(Person.member(), FakeDiscord.LOCKED_CHANNEL,
                DiscordIds.answerModal(roundId), DiscordIds.ANSWER_INPUT, "attention weights over value vectors"));

        assertThat(discord.awaitFollowUp(submit, WAIT).body().get("content").asString())
                .contains("There is no round " + roundId + ".");
        assertThat(jdbc.sql("select count(*) from answer").query(Integer.class).single()).isEqualTo(before);

        MutableClock.SHARED.advance(Duration.ofMinutes(11));
        rounds.closeDue();
    }

    @Test
    void theCoreRefusesASchedulerWithoutManageServer() throws InterruptedException {
        String set = discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                List.of("schedule", "set"), options("when", "daily 09:00", "timezone", "Europe/Berlin")));

        RestCall reply = discord.awaitFollowUp(set, WAIT);
        System.out.println("REFUSAL: " + reply.body());
        assertThat(reply.body().get("content").asString()).isNotBlank();
    }

    private String lastPracticeMessage() {
        List<String> ids = discord.messagesIn(FakeDiscord.QUIZ_CHANNEL).stream()
                .filter(m -> m.toString().contains(DiscordIds.PRACTICE_ANSWER_BUTTON))
                .map(m -> m.get("id").asString()).toList();
        return ids.getLast();
    }

    private int scoreRows() {
        return jdbc.sql("select count(*) from score_bucket").query(Integer.class).single();
    }

    @Test
    void practiceOnDiscordIsEphemeralScheduledFedByAChannelMissAndNudgesByDirectMessage() throws InterruptedException {
        MutableClock.SHARED.set("2026-04-06T09:00:00Z");
        int scoresBefore = scoreRows();

        // /quiz practice start: the question comes back ephemeral, with an Answer button
        String start = discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                List.of("practice", "start"), options("topic", "rag", "difficulty", "easy")));
        assertThat(discord.awaitCallback(start, WAIT).body().get("data").get("flags").asInt() & 64).isEqualTo(64);
        assertThat(discord.awaitFollowUp(start, WAIT).body().toString())
                .contains("What is retrieval-augmented generation?", DiscordIds.PRACTICE_ANSWER_BUTTON);

        // the button opens the practice form; a miss comes back rated Again with the reference
        RestCall form = discord.awaitCallback(discord.interact(discord.button(Person.member(), lastPracticeMessage(),
                DiscordIds.PRACTICE_ANSWER_BUTTON)), WAIT);
        assertThat(form.body().get("type").asInt()).isEqualTo(9);
        assertThat(form.body().toString()).contains(DiscordIds.PRACTICE_ANSWER_MODAL, "What is retrieval-augmented");
        String submit = discord.interact(discord.modalSubmit(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                DiscordIds.PRACTICE_ANSWER_MODAL, DiscordIds.ANSWER_INPUT, "no idea"));
        assertThat(discord.awaitCallback(submit, WAIT).body().get("data").get("flags").asInt() & 64).isEqualTo(64);
        JsonNode graded = discord.awaitFollowUp(submit, WAIT).body().get("embeds").get(0);
        assertThat(graded.get("title").asString()).startsWith("INCORRECT").contains("rated Again");
        assertThat(graded.toString()).contains("Reference answer", "external knowledge", "Common misconceptions",
                "RAG guarantees the model never hallucinates.");
        assertThat(jdbc.sql("select count(*) from practice_card where user_id = ? and question_id = 'what-is-rag'"
                        + " and due_at = ?").params(FakeDiscord.MEMBER_ID,
                        java.time.OffsetDateTime.parse("2026-04-06T09:10:00Z")).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(scoreRows()).isEqualTo(scoresBefore);

        // a channel round the member misses becomes due in practice
        discord.awaitFollowUp(discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                List.of("practice", "stop"), options())), WAIT);
        discord.awaitFollowUp(discord.interact(discord.slash(Person.admin(), FakeDiscord.QUIZ_CHANNEL, List.of("ask"),
                options("topic", "fine-tuning"))), WAIT);
        RestCall post = discord.await("the LoRA question post", WAIT,
                c -> c.is("POST", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages")
                        && c.body().toString().contains("What is LoRA?"));
        String customId = post.body().get("components").get(0).get("components").get(0).get("custom_id").asString();
        long roundId = DiscordIds.roundOfAnswerButton(customId).orElseThrow();
        String miss = discord.interact(discord.modalSubmit(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                DiscordIds.answerModal(roundId), DiscordIds.ANSWER_INPUT, "no idea"));
        assertThat(discord.awaitFollowUp(miss, WAIT).body().toString()).contains("Not quite");
        MutableClock.SHARED.advance(Duration.ofMinutes(11));
        // the question comes to practice once the round has closed and revealed its reference
        rounds.closeDue();
        String due = discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                List.of("practice", "start"), options()));
        assertThat(discord.awaitFollowUp(due, WAIT).body().toString()).contains("What is LoRA?", "due for review");

        // /quiz review lists both misses, privately
        String review = discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL, List.of("review"),
                options()));
        assertThat(discord.awaitCallback(review, WAIT).body().get("data").get("flags").asInt() & 64).isEqualTo(64);
        assertThat(discord.awaitFollowUp(review, WAIT).body().toString())
                .contains("What is LoRA?", "What is retrieval-augmented generation?", "You: no idea");

        // the daily nudge is a direct message
        discord.awaitFollowUp(discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                List.of("practice", "remind"), options("time", "10:00", "timezone", "UTC"))), WAIT);
        MutableClock.SHARED.set("2026-04-06T10:00:00Z");
        practice.sendDueReminders();
        RestCall dm = discord.await("the practice reminder", WAIT,
                c -> c.is("POST", "/channels/" + FakeDiscord.DM_CHANNEL + "/messages")
                        && c.body().toString().contains("Practice reminder"));
        assertThat(dm.body().get("content").asString()).contains("due");
    }

    @Test
    void reviewOnDiscordAppealThenAQueueDecisionThenARegradeByDirectMessage() throws InterruptedException {
        MutableClock.SHARED.set("2026-05-04T09:00:00Z");
        discord.awaitFollowUp(discord.interact(discord.slash(Person.admin(), FakeDiscord.QUIZ_CHANNEL, List.of("ask"),
                options("topic", "rag", "difficulty", "easy"))), WAIT);
        long roundId = rounds.openRound(new dev.quizbot.chat.ChannelRef("discord", FakeDiscord.GUILD_ID,
                FakeDiscord.QUIZ_CHANNEL)).orElseThrow().id();
        String answer = discord.interact(discord.modalSubmit(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                DiscordIds.answerModal(roundId), DiscordIds.ANSWER_INPUT, "retrieval from documents"));
        // the private feedback carries the appeal control
        RestCall feedback = discord.awaitFollowUp(answer, WAIT);
        assertThat(feedback.body().toString()).contains(DiscordIds.appealButton(roundId), "I think I was right");
        String feedbackId = discord.messagesIn(FakeDiscord.QUIZ_CHANNEL).stream()
                .filter(m -> m.toString().contains(DiscordIds.appealButton(roundId))).findFirst()
                .map(m -> m.get("id").asString()).orElse("0");
        RestCall form = discord.awaitCallback(discord.interact(discord.button(Person.member(), feedbackId,
                DiscordIds.appealButton(roundId))), WAIT);
        assertThat(form.body().get("type").asInt()).isEqualTo(9);
        assertThat(form.body().toString()).contains(DiscordIds.appealModal(roundId), "Appeal your grade");
        String appeal = discord.interact(discord.modalSubmit(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                DiscordIds.appealModal(roundId), DiscordIds.APPEAL_INPUT, "it's the core of RAG"));
        assertThat(discord.awaitCallback(appeal, WAIT).body().get("data").get("flags").asInt() & 64).isEqualTo(64);
        assertThat(discord.awaitFollowUp(appeal, WAIT).body().toString()).contains("review queue");

        // /quiz appeal says the answer was appealed already
        String again = discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL, List.of("appeal"),
                options("round", String.valueOf(roundId))));
        assertThat(discord.awaitFollowUp(again, WAIT).body().toString()).contains("already appealed");

        // a member cannot look at the queue; the admin can, and decides
        String peek = discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL, List.of("queue", "show"),
                options()));
        assertThat(discord.awaitFollowUp(peek, WAIT).body().toString()).contains("Only admins");
        String show = discord.interact(discord.slash(Person.admin(), FakeDiscord.QUIZ_CHANNEL, List.of("queue", "show"),
                options()));
        assertThat(discord.awaitFollowUp(show, WAIT).body().toString()).contains("round " + roundId)
                .contains("retrieval from documents").contains("it's the core of RAG")
                .contains("quiz:review:accept:", "quiz:review:reject:", "quiz:review:skip:");
        String accept = discord.interact(discord.slash(Person.admin(), FakeDiscord.QUIZ_CHANNEL, List.of("queue", "accept"),
                options("score", "90")));
        assertThat(discord.awaitFollowUp(accept, WAIT).body().toString()).contains("Accepted 1 answer as partial (90/100)");

        // the player hears of it in a direct message
        RestCall dm = discord.await("the regrade notice", WAIT,
                c -> c.is("POST", "/channels/" + FakeDiscord.DM_CHANNEL + "/messages")
                        && c.body().toString().contains("was regraded"));
        assertThat(dm.body().get("content").asString()).contains("Your answer to round " + roundId
                + " was regraded: partial 67/100 → partial 90/100, +23 points");
        MutableClock.SHARED.advance(Duration.ofMinutes(11));
        rounds.closeDue();
    }
}
