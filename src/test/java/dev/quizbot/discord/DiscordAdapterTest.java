package dev.quizbot.discord;

import static dev.quizbot.discord.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.DeliveryFailed;
import dev.quizbot.discord.FakeDiscord.Person;
import dev.quizbot.discord.FakeDiscord.RestCall;
import dev.quizbot.grading.Grader;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Real JDA, started by the application context from {@code DISCORD_TOKEN}-style properties,
 * talking to {@link FakeDiscord} on loopback. Commands reach a recording stand-in for the core.
 */
@SpringBootTest(properties = {
        "quizbot.discord.token=fake-bot-token",
        "quizbot.discord.dev-guild-id=" + FakeDiscord.GUILD_ID,
        "quizbot.discord.answer-count-edit-interval=200ms",
        "logging.level.dev.quizbot.discord=DEBUG",
        "quizbot.console.enabled=false",
        "quizbot.ticker.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:discord-adapter;DB_CLOSE_DELAY=-1"})
// Closes JDA when the class is done, while the fake (which lives as long as the JVM) still answers.
@DirtiesContext
@Import({StandInCore.class, DiscordAdapterTest.Failures.class})
class DiscordAdapterTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final FakeDiscord discord = start();

    @Autowired
    RecordingChatService core;

    @Autowired
    DeliveryFailures deliveryFailures;

    @Autowired
    dev.quizbot.outbox.Outbox outbox;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    List<dev.quizbot.chat.PlaceNames> placeNames;

    static FakeDiscord start() {
        try {
            return new FakeDiscord();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void discordUrls(DynamicPropertyRegistry registry) {
        registry.add("quizbot.discord.rest-base-url", discord::restBaseUrl);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Failures {
        @Bean
        DeliveryFailures deliveryFailures() {
            return new DeliveryFailures();
        }
    }

    /** Collects what the adapter reports as undeliverable, as the core would receive it. */
    static class DeliveryFailures {
        final List<DeliveryFailed> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DeliveryFailed failed) {
            received.add(failed);
        }
    }

    @BeforeEach
    void loggedIn() throws InterruptedException {
        discord.awaitLogin(WAIT);
    }

    @Test
    void logsInWithoutPrivilegedIntentsAndRegistersQuizInTheDevelopmentServer() throws InterruptedException {
        RestCall registration = discord.await("command registration", WAIT,
                c -> c.is("PUT", "/applications/" + FakeDiscord.APP_ID + "/guilds/" + FakeDiscord.GUILD_ID + "/commands"));

        long intents = discord.identify().get("intents").asLong();
        long privileged = (1L << 1) | (1L << 8) | (1L << 15); // members, presences, message content
        assertThat(intents & privileged).isZero();
        JsonNode quiz = registration.body().get(0);
        assertThat(quiz.get("name").asString()).isEqualTo("quiz");
        assertThat(names(quiz.get("options"))).contains("ask", "leaderboard", "stats", "topics", "help", "team",
                "schedule");
        assertThat(discord.calls("PUT", "/applications/.*/commands").stream()
                .filter(c -> !c.path().contains("/guilds/"))).as("no global registration with a dev guild").isEmpty();
    }

    @Test
    void playsARoundFromAskThroughPrivateFeedbackToTheReveal() throws InterruptedException {
        // given an admin asks for a question
        String ask = discord.interact(discord.slash(Person.admin(), FakeDiscord.QUIZ_CHANNEL, List.of("ask"),
                options("topic", "fine-tuning", "difficulty", "hard")));

        // then the command is deferred privately
        RestCall askAck = discord.awaitCallback(ask, WAIT);
        assertThat(askAck.body().get("type").asInt()).isEqualTo(5);
        assertThat(askAck.body().get("data").get("flags").asInt() & 64).isEqualTo(64);

        // and the question is posted as an embed with an Answer button
        RestCall post = discord.await("the question post", WAIT,
                c -> c.is("POST", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages")
                        && c.body().toString().contains("What is LoRA"));
        // the core got an Ask from an admin in this channel (checked after the post: the ack comes first)
        RecordingChatService.Received asked = core.last(Command.Ask.class).orElseThrow();
        assertThat(asked.caller().admin()).isTrue();
        assertThat(asked.caller().channel())
                .isEqualTo(new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.QUIZ_CHANNEL));
        assertThat(asked.command()).isEqualTo(new Command.Ask(Optional.of("fine-tuning"),
                Optional.of(dev.quizbot.bank.Difficulty.HARD)));
        JsonNode embed = post.body().get("embeds").get(0);
        assertThat(embed.get("title").asString()).isEqualTo("What is LoRA and why does it save memory?");
        assertThat(embed.toString()).contains("Fine-tuning").contains("Hard").containsPattern("<t:\\d+:R>");
        JsonNode button = post.body().get("components").get(0).get("components").get(0);
        assertThat(button.get("label").asString()).isEqualTo("Answer");
        long roundId = Long.parseLong(button.get("custom_id").asString().replace("quiz:answer:", ""));
        assertThat(discord.awaitFollowUp(ask, WAIT).body().toString()).contains("Question posted");
        String postId = discord.messagesIn(FakeDiscord.QUIZ_CHANNEL).stream()
                .filter(m -> m.toString().contains("quiz:answer:" + roundId)).findFirst().orElseThrow()
                .get("id").asString();

        // when a member presses Answer
        String press = discord.interact(discord.button(Person.member(), postId, "quiz:answer:" + roundId));

        // then a modal opens with the question and a paragraph input limited like the grader
        RestCall modal = discord.awaitCallback(press, WAIT);
        assertThat(modal.body().get("type").asInt()).isEqualTo(9);
        assertThat(modal.body().get("data").get("custom_id").asString()).isEqualTo("quiz:answer-modal:" + roundId);
        assertThat(modal.body().toString()).contains("What is LoRA")
                .contains("\"style\":2").contains("\"max_length\":" + Grader.MAX_ANSWER_LENGTH);

        // when the member submits an answer
        String submit = discord.interact(discord.modalSubmit(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                "quiz:answer-modal:" + roundId, "answer", "It adds trainable low-rank matrices to frozen weights."));

        // then it is acknowledged privately, graded, and the feedback goes to the member alone
        RestCall submitAck = discord.awaitCallback(submit, WAIT);
        assertThat(submitAck.body().get("type").asInt()).isEqualTo(5);
        assertThat(submitAck.body().get("data").get("flags").asInt() & 64).isEqualTo(64);
        JsonNode feedback = discord.awaitFollowUp(submit, WAIT).body().get("embeds").get(0);
        assertThat(feedback.get("title").asString()).isEqualTo("Correct · 90/100");
        assertThat(feedback.toString()).contains("low-rank matrices");
        RecordingChatService.Received answered = core.last(Command.Answer.class).orElseThrow();
        assertThat(answered.caller().userId()).isEqualTo(FakeDiscord.MEMBER_ID);
        assertThat(answered.caller().admin()).isFalse();
        assertThat(answered.command()).isEqualTo(new Command.Answer(Optional.of(roundId),
                "It adds trainable low-rank matrices to frozen weights."));

        assertThat(meters.find("quizbot.discord.commands").tags("command", "Answer", "outcome", "Feedback").timer())
                .isNotNull().satisfies(timer -> assertThat(timer.count()).isPositive());

        // and the question post shows the answer count
        discord.await("the answer-count edit", WAIT,
                c -> c.is("PATCH", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages/" + postId)
                        && c.body().toString().contains("1 answer"));

        // when the round closes
        core.close(roundId);

        // then the reveal is posted as a reply to the question, and the Answer button is disabled
        RestCall reveal = discord.await("the reveal", WAIT,
                c -> c.is("POST", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages")
                        && c.body().toString().contains("Answer revealed"));
        assertThat(reveal.body().get("message_reference").get("message_id").asString()).isEqualTo(postId);
        assertThat(reveal.body().get("embeds").get(0).toString())
                .contains("LoRA trains two low-rank matrices").contains("<@" + FakeDiscord.MEMBER_ID + ">");
        discord.await("the closing edit", WAIT,
                c -> c.is("PATCH", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages/" + postId)
                        && c.body().toString().contains("\"disabled\":true"));
    }


    @Test
    void showsTheLeaderboardToTheWholeChannel() throws InterruptedException {
        // given someone answered a round
        long roundId = openRound();
        discord.awaitCallback(discord.interact(discord.modalSubmit(Person.numbered(1), FakeDiscord.QUIZ_CHANNEL,
                "quiz:answer-modal:" + roundId, "answer", "low-rank adapters")), WAIT);

        // when a member asks for this week's server leaderboard
        String board = discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                List.of("leaderboard"), options("scope", "server", "period", "week")));

        // then the reply is deferred publicly (no ephemeral flag) and shows the ranking
        RestCall ack = discord.awaitCallback(board, WAIT);
        assertThat(ack.body().get("type").asInt()).isEqualTo(5);
        assertThat(ack.body().path("data").path("flags").asInt(0) & 64).isZero();
        JsonNode embed = discord.awaitFollowUp(board, WAIT).body().get("embeds").get(0);
        assertThat(embed.get("title").asString()).isEqualTo("Leaderboard · this server · this week");
        assertThat(embed.get("description").asString()).contains("player1");
        assertThat(core.last(Command.Leaderboard.class).orElseThrow().command())
                .isEqualTo(new Command.Leaderboard(dev.quizbot.chat.Scope.SERVER, dev.quizbot.chat.Period.WEEK));
    }

    @Test
    void showsTheOpenQuestionAgainPrivatelyWithTheTimeLeft() throws InterruptedException {
        long roundId = core.openQuietly(new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.QUIZ_CHANNEL),
                question(9_300));

        String question = discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                List.of("question"), options()));

        RestCall ack = discord.awaitCallback(question, WAIT);
        assertThat(ack.body().get("data").get("flags").asInt() & 64).isEqualTo(64);
        RestCall shown = discord.awaitFollowUp(question, WAIT);
        JsonNode embed = shown.body().get("embeds").get(0);
        assertThat(embed.get("title").asString()).isEqualTo("What is retrieval-augmented generation?");
        assertThat(embed.toString()).containsPattern("<t:\\d+:R> \\(\\d\\d:\\d\\d UTC\\)");
        assertThat(shown.body().toString()).contains("quiz:answer:" + roundId);
        assertThat(core.last(Command.Question.class)).isPresent();
        core.forget(roundId);
    }

    @Test
    void postsTheLastCallWithARelativeTimestamp() throws InterruptedException {
        long roundId = 9_400;

        outbox.enqueue(new Announcement.ClosingSoon(
                new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.QUIZ_CHANNEL), question(roundId)));

        RestCall notice = discord.await("the closing notice", WAIT,
                c -> c.is("POST", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages")
                        && c.body().toString().contains("last call"));
        assertThat(notice.body().get("content").asString())
                .containsPattern("Round " + roundId + " closes <t:\\d+:R> \\(\\d\\d:\\d\\d UTC\\)");
    }

    @Test
    void refusesAScheduleToAMemberWithoutManageServerPrivately() throws InterruptedException {
        // when a member without Manage Server sets a schedule
        String set = discord.interact(discord.slash(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                List.of("schedule", "set"), options("when", "daily 09:00", "timezone", "Europe/Berlin")));

        // then the core is told the caller is no admin, and the refusal is for the member's eyes only
        RestCall ack = discord.awaitCallback(set, WAIT);
        assertThat(ack.body().get("data").get("flags").asInt() & 64).isEqualTo(64);
        assertThat(discord.awaitFollowUp(set, WAIT).body().get("content").asString())
                .contains("Manage Server");
        RecordingChatService.Received received = core.last(Command.ScheduleSet.class).orElseThrow();
        assertThat(received.caller().admin()).isFalse();
        assertThat(received.command()).isEqualTo(new Command.ScheduleSet("daily 09:00", "Europe/Berlin",
                Optional.empty(), Optional.empty()));
    }

    @Test
    void letsAnAdminWithManageServerSetASchedule() throws InterruptedException {
        String set = discord.interact(discord.slash(Person.admin(), FakeDiscord.QUIZ_CHANNEL,
                List.of("schedule", "set"), options("when", "0 0 9 * * MON-FRI", "timezone", "Asia/Tokyo",
                        "topic", "fine-tuning")));

        assertThat(discord.awaitFollowUp(set, WAIT).body().get("content").asString())
                .isEqualTo("Scheduled: 0 0 9 * * MON-FRI (Asia/Tokyo).");
        assertThat(core.last(Command.ScheduleSet.class).orElseThrow().caller().admin()).isTrue();
    }

    @Test
    void suggestsTopicsFromTheBankAndTimezonesWhileTyping() throws InterruptedException {
        String topics = discord.interact(discord.autocomplete(Person.member(), FakeDiscord.QUIZ_CHANNEL,
                List.of("ask"), options("topic", "fine"), "topic"));
        RestCall topicChoices = discord.awaitCallback(topics, WAIT);
        assertThat(topicChoices.body().get("type").asInt()).isEqualTo(8);
        assertThat(topicChoices.body().get("data").get("choices").valueStream()
                .map(c -> c.get("value").asString()).toList()).contains("fine-tuning");

        String zones = discord.interact(discord.autocomplete(Person.admin(), FakeDiscord.QUIZ_CHANNEL,
                List.of("schedule", "set"), options("when", "daily 09:00", "timezone", "berl"), "timezone"));
        assertThat(discord.awaitCallback(zones, WAIT).body().get("data").get("choices").valueStream()
                .map(c -> c.get("value").asString()).toList()).containsExactly("Europe/Berlin");
    }

    @Test
    void tellsTheAskerPrivatelyWhenTheBotMayNotPostInTheChannel() throws InterruptedException {
        int asksBefore = core.received().size();

        String ask = discord.interact(discord.slash(Person.admin(), FakeDiscord.LOCKED_CHANNEL, List.of("ask"),
                options()));

        RestCall reply = discord.awaitCallback(ask, WAIT);
        assertThat(reply.body().get("type").asInt()).isEqualTo(4);
        assertThat(reply.body().get("data").get("flags").asInt() & 64).isEqualTo(64);
        assertThat(reply.body().get("data").get("content").asString()).contains("Send Messages");
        assertThat(core.received()).hasSize(asksBefore);
    }

    @Test
    void reportsAPostDiscordRefusesAndKeepsPostingElsewhere() throws InterruptedException {
        // given Discord refuses posts in one channel (permission revoked after the cache saw it)
        ChannelRef revoked = new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.REVOKED_CHANNEL);
        discord.rejectMessagesIn(revoked.channel());

        // when a scheduled round opens there; and a round opens in the quiz channel
        outbox.enqueue(new Announcement.RoundOpened(revoked, question(9001), true));
        outbox.enqueue(new Announcement.RoundOpened(
                new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.QUIZ_CHANNEL), question(9002), true));

        // then the failure is reported for the core to pass on to the schedule's owner
        discord.await("the post in the quiz channel", WAIT, c -> c.is("POST", "/channels/"
                + FakeDiscord.QUIZ_CHANNEL + "/messages") && c.body().toString().contains("quiz:answer:9002"));
        DeliveryFailed failed = awaitDeliveryFailure(9001);
        assertThat(failed.scheduled()).isTrue();
        assertThat(failed.channel()).isEqualTo(revoked);
        assertThat(failed.reason()).contains("missing a permission").contains("Send Messages");
        assertThat(deliveryFailures.received).noneMatch(f -> f.roundId() == 9002);
    }

    @Test
    void aRateLimitedPostWaitsInTheOutboxAndIsPostedOnceDiscordAllowsIt() throws InterruptedException {
        ChannelRef quiz = new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.QUIZ_CHANNEL);
        discord.rateLimitMessagesIn(quiz.channel(), 1);

        outbox.enqueue(new Announcement.RoundOpened(quiz, question(9200), false));

        // JDA does not wait the limit out itself: the outbox retries the row once it is due
        RestCall posted = discord.await("the post after the rate limit", WAIT, c -> c.is("POST", "/channels/"
                + quiz.channel() + "/messages") && c.status() == 200 && c.body().toString().contains("quiz:answer:9200"));
        assertThat(discord.calls("POST", "/channels/" + quiz.channel() + "/messages").stream()
                .filter(c -> c.body().toString().contains("quiz:answer:9200")))
                .extracting(RestCall::status).containsExactly(429, 200);
        assertThat(posted.body().get("nonce").asString()).startsWith("qb");
        assertThat(deliveryFailures.received).noneMatch(f -> f.roundId() == 9200);
        // two tries of one row: the second one the outbox's, after Discord's retry-after
        String row = "SELECT state || ' ' || attempts FROM outbox WHERE round_id = 9200 AND kind = 'RoundOpened'";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!jdbc.sql(row).query(String.class).single().startsWith("DELIVERED") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jdbc.sql(row).query(String.class).single()).isEqualTo("DELIVERED 2");
    }

    @Test
    void reportsARoundForADeletedChannelWithoutCallingDiscord() throws InterruptedException {
        ChannelRef deleted = new ChannelRef("discord", FakeDiscord.GUILD_ID, "1400000000000000077");

        outbox.enqueue(new Announcement.RoundOpened(deleted, question(9003), true));

        assertThat(awaitDeliveryFailure(9003).reason()).contains("no longer exists");
        assertThat(discord.calls()).noneMatch(c -> c.path().contains(deleted.channel()));
    }

    @Test
    void reportsAScheduledPostThatCachedPermissionsForbidWithoutCallingDiscord() throws InterruptedException {
        ChannelRef locked = new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.LOCKED_CHANNEL);

        outbox.enqueue(new Announcement.RoundOpened(locked, question(9004), true));

        assertThat(awaitDeliveryFailure(9004).reason()).contains("missing the Send Messages permission");
        assertThat(discord.calls()).noneMatch(c -> c.is("POST", "/channels/" + FakeDiscord.LOCKED_CHANNEL + "/messages"));
    }

    private DeliveryFailed awaitDeliveryFailure(long roundId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<DeliveryFailed> found = deliveryFailures.received.stream().filter(f -> f.roundId() == roundId)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no delivery failure reported for round " + roundId);
    }

    @Test
    void sendsAFailedScheduleToItsOwnerByDirectMessage() throws InterruptedException {
        outbox.enqueue(new Announcement.ScheduleFailed(
                new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.QUIZ_CHANNEL), 42, FakeDiscord.ADMIN_ID,
                "no questions left for topic rag"));

        RestCall dm = discord.await("the direct message", WAIT,
                c -> c.is("POST", "/channels/" + FakeDiscord.DM_CHANNEL + "/messages"));
        assertThat(dm.body().get("content").asString()).contains("`42`").contains("no questions left for topic rag")
                .contains("/quiz schedule remove");
        assertThat(discord.calls("POST", "/users/@me/channels").getLast().body().get("recipient_id").asString())
                .isEqualTo(FakeDiscord.ADMIN_ID);
    }

    @Test
    void ignoresAnnouncementsForOtherPlatforms() throws InterruptedException {
        int before = discord.calls().size();

        outbox.enqueue(new Announcement.RoundOpened(new ChannelRef("slack", "T1", FakeDiscord.QUIZ_CHANNEL),
                question(9100), false));
        // a Discord one after it proves the first was processed and skipped, not merely slow
        outbox.enqueue(new Announcement.RoundOpened(
                new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.QUIZ_CHANNEL), question(9101), false));

        discord.await("the discord post", WAIT, c -> c.body() != null && c.body().toString().contains("quiz:answer:9101"));
        assertThat(discord.calls().subList(before, discord.calls().size()))
                .noneMatch(c -> c.body() != null && c.body().toString().contains("quiz:answer:9100"));
    }

    private long openRound() throws InterruptedException {
        String ask = discord.interact(discord.slash(Person.admin(), FakeDiscord.QUIZ_CHANNEL, List.of("ask"),
                options()));
        discord.awaitFollowUp(ask, WAIT);
        return core.lastRoundId();
    }

    private static dev.quizbot.chat.Views.Question question(long roundId) {
        return new dev.quizbot.chat.Views.Question(roundId, "q", "rag", "RAG", dev.quizbot.bank.Difficulty.EASY,
                "What is retrieval-augmented generation?", java.time.Instant.now().plusSeconds(600), 0, "UTC",
                java.time.Duration.ofMinutes(10));
    }

    private static List<String> names(JsonNode options) {
        return options.valueStream().map(o -> o.get("name").asString()).toList();
    }

    @Test
    void namesServersAndChannelsForTheWebPageFromJdasCache() {
        dev.quizbot.chat.PlaceNames discordNames = placeNames.stream().filter(n -> n.platform().equals("discord"))
                .findFirst().orElseThrow();

        assertThat(discordNames.community(FakeDiscord.GUILD_ID)).contains("Interview Prep");
        assertThat(discordNames.channel(FakeDiscord.GUILD_ID, FakeDiscord.QUIZ_CHANNEL)).contains("#ml-quiz");
        assertThat(discordNames.community("1299999999999999999")).isEmpty();
        assertThat(discordNames.channel(FakeDiscord.GUILD_ID, "not-a-snowflake")).isEmpty();
    }
}
