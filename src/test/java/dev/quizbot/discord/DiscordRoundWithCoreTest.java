package dev.quizbot.discord;

import static dev.quizbot.discord.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.quizbot.discord.FakeDiscord.Person;
import dev.quizbot.discord.FakeDiscord.RestCall;
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
class DiscordRoundWithCoreTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final FakeDiscord discord = DiscordAdapterTest.start();

    @Autowired
    RoundService rounds;

    @Autowired
    JdbcClient jdbc;

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
        RestCall post = discord.await("the question post", WAIT,
                c -> c.is("POST", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages")
                        && c.body().toString().contains("quiz:answer:"));
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
        assertThat(jdbc.sql("select count(*) from answer").query(Integer.class).single()).isEqualTo(1);
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
                        && c.body().toString().contains("Answer revealed"));
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
}
