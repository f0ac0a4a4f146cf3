package dev.quizbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Reply;
import dev.quizbot.console.ConsoleChat;
import dev.quizbot.round.RoundService;
import dev.quizbot.schedule.ScheduleService;
import dev.quizbot.testing.Instances;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.PostgresAvailable;
import dev.quizbot.testing.PostgresServer;
import dev.quizbot.testing.Screen;

/**
 * Two quizbot instances (two application contexts) on one PostgreSQL database, as in a
 * scaled-out deployment: each slot of a schedule fires once, each round closes (and is
 * revealed) once, the command limit is one limit whichever instance a command reaches, a
 * bank reload on one instance reaches the other, and answers spread over both are stored once
 * with boards that add up. Both tick at once from two threads, so the row locks are what keeps
 * things single, not luck.
 */
@ExtendWith(PostgresAvailable.class)
class TwoInstancesPostgresTest {

    @TempDir
    static Path dir;

    static final List<Announcement> announced = new CopyOnWriteArrayList<>();
    static Path bankDir;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    final MutableClock clock = MutableClock.SHARED;

    @BeforeAll
    static void startTwoInstances() throws IOException {
        bankDir = Instances.copyTestBank(dir);
        String url = PostgresServer.shared().newDatabase("two_instances");
        first = Instances.start(url, bankDir, dir.resolve("first"), announced::add);
        second = Instances.start(url, bankDir, dir.resolve("second"), announced::add);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime();
    }

    /** Runs the same call on both instances at the same moment, three times over. */
    private void onBothAtOnce(Class<?> bean, java.util.function.Consumer<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 3; i++) {
                List<Future<?>> done = new ArrayList<>();
                for (ConfigurableApplicationContext instance : List.of(first, second)) {
                    Object target = instance.getBean(bean);
                    done.add(pool.submit((Callable<Void>) () -> {
                        call.accept(target);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private <T extends Announcement> List<T> announced(Class<T> type, String channel) {
        return announced.stream().filter(type::isInstance).map(type::cast)
                .filter(a -> a.channel().channel().equals(channel)).toList();
    }

    @Test
    void aScheduleSlotFiresOnceAndItsRoundClosesOnceAcrossBothInstances() throws Exception {
        clock.set("2026-04-06T06:00:00Z");
        String channel = unique("scheduled");
        var admin = first.getBean(ConsoleChat.class).connect("two", channel, "ada", true, new Screen());
        assertThat(admin.send("schedule set daily 09:00 Europe/Berlin rag")).isInstanceOf(Reply.Done.class);

        clock.set("2026-04-06T07:00:01Z");
        onBothAtOnce(ScheduleService.class, s -> ((ScheduleService) s).fireDue());

        JdbcClient jdbc = second.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quiz_round WHERE channel_key = ?")
                .param("console:two:" + channel).query(Integer.class).single()).isEqualTo(1);
        assertThat(announced(Announcement.RoundOpened.class, channel)).hasSize(1);

        // the round lasts until the next day's slot; past it, both close at once
        clock.set("2026-04-07T06:59:00Z");
        var bob = second.getBean(ConsoleChat.class).connect("two", channel, "bob", false, new Screen());
        assertThat(bob.send("answer retrieval of documents from a knowledge base into the prompt"))
                .isInstanceOf(Reply.Feedback.class);
        clock.set("2026-04-07T07:00:01Z");
        onBothAtOnce(RoundService.class, r -> ((RoundService) r).closeDue());

        assertThat(announced(Announcement.RoundClosed.class, channel)).hasSize(1)
                .first().satisfies(closed -> assertThat(closed.reveal().answered()).isEqualTo(1));
        // bob's points reached the board once, not once per instance
        assertThat(jdbc.sql("SELECT SUM(answers) FROM score_bucket WHERE scope_key = ? AND user_id = 'bob' AND span = 'ALL'")
                .param("console:two:" + channel).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theCommandLimitIsOneLimitWhicheverInstanceACommandReaches() {
        clock.set("2026-04-08T10:00:00Z");
        String community = unique("limit");
        var onFirst = first.getBean(ConsoleChat.class).connect(community, "quiz", "uma", false, new Screen());
        var onSecond = second.getBean(ConsoleChat.class).connect(community, "quiz", "uma", false, new Screen());
        int burst = first.getBean(dev.quizbot.chat.RateLimitProperties.class).burst();

        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < burst + 2; i++) {
            replies.add((i % 2 == 0 ? onFirst : onSecond).send("help"));
        }

        // per instance, each would have let burst commands through: 2 x burst, none refused
        assertThat(replies.subList(0, burst)).allMatch(r -> r instanceof Reply.Help);
        assertThat(replies.subList(burst, burst + 2)).allMatch(r -> r instanceof Reply.Refused);
    }

    @Test
    void aBankReloadOnOneInstanceReachesTheOther() throws IOException {
        QuestionBankService onFirst = first.getBean(QuestionBankService.class);
        QuestionBankService onSecond = second.getBean(QuestionBankService.class);
        int before = onSecond.bank().size();
        assertThat(onFirst.bank().size()).isEqualTo(before);

        Files.delete(bankDir.resolve("fine-tuning.yaml"));
        var admin = first.getBean(ConsoleChat.class).connect(unique("reload"), "quiz", "ada", true, new Screen());
        assertThat(admin.send("reload")).isInstanceOf(Reply.Done.class);

        assertThat(onFirst.bank().size()).isEqualTo(before - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> onSecond.bank().size() == before - 1);
    }

    @Test
    void answersToOneRoundOverBothInstancesAreStoredOnceAndTheBoardAddsUp() throws Exception {
        clock.set("2026-04-09T10:00:00Z");
        String channel = unique("busy");
        var asker = first.getBean(ConsoleChat.class).connect("two", channel, "asker", false, new Screen());
        assertThat(asker.send("ask rag easy")).isInstanceOf(Reply.RoundStarted.class);

        // 40 players, each answering twice (the second must be refused), alternating instances
        ExecutorService players = Executors.newFixedThreadPool(8);
        List<Future<List<Reply>>> sent = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            String user = "p" + p;
            ConsoleChat chat = (p % 2 == 0 ? first : second).getBean(ConsoleChat.class);
            ConsoleChat other = (p % 2 == 0 ? second : first).getBean(ConsoleChat.class);
            sent.add(players.submit(() -> List.of(
                    chat.connect("two", channel, user, false, new Screen())
                            .send("answer retrieval of documents from a knowledge base into the prompt"),
                    other.connect("two", channel, user, false, new Screen()).send("answer something else"))));
        }
        List<Reply> replies = new ArrayList<>();
        for (Future<List<Reply>> f : sent) {
            replies.addAll(f.get());
        }
        players.shutdown();
        assertThat(replies.stream().filter(r -> r instanceof Reply.Feedback).count()).isEqualTo(40);

        clock.set("2026-04-09T10:10:01Z");
        onBothAtOnce(RoundService.class, r -> ((RoundService) r).closeDue());

        JdbcClient jdbc = first.getBean(JdbcClient.class);
        String key = "console:two:" + channel;
        assertThat(jdbc.sql("SELECT COUNT(*) FROM answer WHERE channel_key = ?").param(key)
                .query(Integer.class).single()).isEqualTo(40);
        // the channel's all-time board equals a recomputation from the answers
        assertThat(jdbc.sql("SELECT user_id, points FROM score_bucket WHERE scope_key = ? AND span = 'ALL' ORDER BY user_id")
                .param(key).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list())
                .isEqualTo(jdbc.sql("SELECT user_id, SUM(points) FROM answer WHERE channel_key = ? GROUP BY user_id ORDER BY user_id")
                        .param(key).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list());
        assertThat(announced(Announcement.RoundClosed.class, channel)).hasSize(1);
    }
}
