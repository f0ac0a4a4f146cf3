package dev.quizbot.discord;

import static dev.quizbot.discord.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.quizbot.discord.FakeDiscord.Person;
import dev.quizbot.discord.FakeDiscord.RestCall;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * 500 answer-modal submissions to one round, sent through the fake gateway as fast as it can
 * write them, against real JDA, the adapter and the whole core as it runs in production: the
 * real grader with its sentence model, rounds and answers in H2 through the real migrations. Not part of {@code verify} (surefire runs
 * {@code *Benchmark} classes only in the benchmark profile); run with:
 * {@code ./mvnw -B -Pbenchmark test -Dtest=DiscordBurstBenchmark}
 */
@SpringBootTest(properties = {
        "quizbot.discord.token=fake-bot-token",
        "quizbot.discord.dev-guild-id=" + FakeDiscord.GUILD_ID,
        "quizbot.console.enabled=false",
        "quizbot.ticker.enabled=false",
        "quizbot.rate-limit.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:discord-burst;DB_CLOSE_DELAY=-1"})
@DirtiesContext
class DiscordBurstBenchmark {

    static final int SUBMISSIONS = 500;
    static final Duration DISCORD_LIMIT = Duration.ofSeconds(3);
    static final FakeDiscord discord = DiscordAdapterTest.start();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShardManager jda;

    /** When JDA handed each modal submission to listeners: splits the ack time into gateway and REST parts. */
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void discordUrls(DynamicPropertyRegistry registry) {
        registry.add("quizbot.discord.rest-base-url", discord::restBaseUrl);
    }

    @Test
    void acknowledgesEverySubmissionOfABurstWithinDiscordsLimit() throws InterruptedException {
        discord.awaitLogin(Duration.ofSeconds(15));
        String ask = discord.interact(discord.slash(Person.admin(), FakeDiscord.QUIZ_CHANNEL, List.of("ask"),
                options("topic", "rag")));
        discord.awaitFollowUp(ask, Duration.ofSeconds(15));
        RestCall post = discord.await("the question post", Duration.ofSeconds(15),
                c -> c.is("POST", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages")
                        && c.body().toString().contains("quiz:answer:"));
        long roundId = DiscordIds.roundOfAnswerButton(post.body().get("components").get(0).get("components").get(0)
                .get("custom_id").asString()).orElseThrow();

        jda.addEventListener(new ListenerAdapter() {
            @Override
            public void onModalInteraction(ModalInteractionEvent event) {
                delivered.put(event.getId(), System.nanoTime());
            }
        });
        List<String> ids = new ArrayList<>(SUBMISSIONS);
        long start = System.nanoTime();
        for (int n = 1; n <= SUBMISSIONS; n++) {
            ids.add(discord.interact(discord.modalSubmit(Person.numbered(n), FakeDiscord.QUIZ_CHANNEL,
                    DiscordIds.answerModal(roundId), DiscordIds.ANSWER_INPUT, "It retrieves relevant passages with vector search and adds them to the prompt, answer " + n)));
        }
        long sent = System.nanoTime() - start;
        for (String id : ids) {
            discord.awaitFollowUp(id, Duration.ofSeconds(60));
        }
        long allAnswered = System.nanoTime() - start;
        // the coalesced edits end with the full count, at most one answer-count interval (5 s) later
        discord.await("the post showing every answer", Duration.ofSeconds(15),
                c -> c.is("PATCH", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages/\\d+")
                        && c.body().toString().contains(SUBMISSIONS + " answers"));

        long[] acks = ids.stream().mapToLong(discord::ackNanos).sorted().toArray();
        long[] toListener = ids.stream().mapToLong(id -> delivered.getOrDefault(id, -1L) - discord.sentNanos(id))
                .sorted().toArray();
        long acknowledged = Arrays.stream(acks).filter(a -> a >= 0).count();
        long withinLimit = Arrays.stream(acks).filter(a -> a >= 0 && a <= DISCORD_LIMIT.toNanos()).count();
        int persisted = jdbc.sql("select count(*) from answer where round_id = ?").param(roundId)
                .query(Integer.class).single();
        int edits = discord.calls("PATCH", "/channels/" + FakeDiscord.QUIZ_CHANNEL + "/messages/\\d+").size();

        System.out.printf(Locale.ROOT, """
                        Discord burst: %d modal submissions to one round
                          sent through the gateway in      %d ms
                          acknowledged                     %d (%d within 3 s)
                          ack time p50 / p99 / max         %.1f / %.1f / %.1f ms
                          of which gateway to listener     %.1f / %.1f / %.1f ms
                          answers stored in the database   %d
                          all private feedback sent after  %d ms
                          answer-count edits of the post   %d
                        """, SUBMISSIONS, sent / 1_000_000, acknowledged, withinLimit,
                millis(percentile(acks, 50)), millis(percentile(acks, 99)), millis(acks[acks.length - 1]),
                millis(percentile(toListener, 50)), millis(percentile(toListener, 99)),
                millis(toListener[toListener.length - 1]),
                persisted, allAnswered / 1_000_000, edits);

        assertThat(withinLimit).isEqualTo(SUBMISSIONS);
        assertThat(persisted).isEqualTo(SUBMISSIONS);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
