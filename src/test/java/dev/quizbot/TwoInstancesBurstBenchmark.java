package dev.quizbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Reply;
import dev.quizbot.console.ConsoleChat;
import dev.quizbot.round.RoundService;
import dev.quizbot.testing.Instances;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.PostgresAvailable;
import dev.quizbot.testing.PostgresServer;
import dev.quizbot.testing.Screen;

/**
 * Two instances on the build's PostgreSQL, {@code burst.answers} (default 2,000) answers to one
 * round sent as fast as {@code burst.clients} (default 8) clients can, alternating instances:
 * each answer's time to its reply, every answer stored once, and the boards equal to a
 * recomputation from the answers once the round closes. Answers are graded by the test
 * grader (keywords): the real grader's own cost is the JMH benchmark's. More clients than the
 * instances' connection pools (12 each; the console delivers on the committing thread, which
 * takes a second connection) wait out the pool's timeout. Not part of
 * {@code verify}: {@code ./mvnw -B -Pbenchmark test -Dtest=TwoInstancesBurstBenchmark}.
 */
@ExtendWith(PostgresAvailable.class)
class TwoInstancesBurstBenchmark {

    static final int ANSWERS = Integer.getInteger("burst.answers", 2_000);
    static final int CLIENTS = Integer.getInteger("burst.clients", 8);

    @TempDir
    Path dir;

    @Test
    void answersSpreadOverTwoInstancesAreAllAnsweredStoredOnceAndAddUp() throws Exception {
        Path bank = Instances.copyTestBank(dir);
        String url = PostgresServer.shared().newDatabase("two_instances_burst");
        List<Announcement> announced = new CopyOnWriteArrayList<>();
        try (ConfigurableApplicationContext first = Instances.start(url, bank, dir.resolve("first"), announced::add);
             ConfigurableApplicationContext second = Instances.start(url, bank, dir.resolve("second"), announced::add)) {
            MutableClock.SHARED.set("2026-05-04T10:00:00Z");
            String channel = "burst-" + System.nanoTime();
            assertThat(first.getBean(ConsoleChat.class).connect("two", channel, "asker", false, new Screen()).send("ask rag easy"))
                    .isInstanceOf(Reply.RoundStarted.class);

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> sent = new ArrayList<>(); // {nanos from the burst's start to the reply, 1 if feedback}
            long[] start = new long[1];
            for (int n = 0; n < ANSWERS; n++) {
                ConsoleChat chat = (n % 2 == 0 ? first : second).getBean(ConsoleChat.class);
                String user = "u" + n;
                sent.add(clients.submit(() -> {
                    var session = chat.connect("two", channel, user, false, new Screen());
                    go.await();
                    Reply reply = session.send("answer retrieval of documents from a knowledge base into the prompt");
                    return new long[] {System.nanoTime() - start[0], reply instanceof Reply.Feedback ? 1 : 0};
                }));
            }
            start[0] = System.nanoTime();
            go.countDown();
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> f : sent) {
                results.add(f.get());
            }
            long all = System.nanoTime() - start[0];
            clients.shutdown();

            MutableClock.SHARED.set("2026-05-04T10:10:01Z");
            first.getBean(RoundService.class).closeDue();
            second.getBean(RoundService.class).closeDue();

            JdbcClient jdbc = first.getBean(JdbcClient.class);
            String key = "console:two:" + channel;
            int stored = jdbc.sql("SELECT COUNT(*) FROM answer WHERE channel_key = ?").param(key).query(Integer.class).single();
            int users = jdbc.sql("SELECT COUNT(DISTINCT user_id) FROM answer WHERE channel_key = ?").param(key).query(Integer.class).single();
            List<String> board = jdbc.sql("SELECT user_id, points FROM score_bucket WHERE scope_key = ? AND span = 'ALL' ORDER BY user_id")
                    .param(key).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list();
            List<String> recomputed = jdbc.sql("SELECT user_id, SUM(points) FROM answer WHERE channel_key = ? AND points > 0"
                            + " GROUP BY user_id ORDER BY user_id")
                    .param(key).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list();
            long[] millis = results.stream().mapToLong(r -> r[0] / 1_000_000).sorted().toArray();
            long feedback = results.stream().filter(r -> r[1] == 1).count();
            long within3s = Arrays.stream(millis).filter(m -> m <= 3_000).count();

            System.out.printf(Locale.ROOT, """
                            Two instances on PostgreSQL: %d answers to one round from %d clients
                              all replied after                %d ms
                              replied with a grade             %d (%d within 3 s of the burst's start)
                              reply time p50 / p99 / max       %d / %d / %d ms
                              answers stored                   %d (%d players)
                              channel board = recomputation    %s (%d players on the board)
                              round closed (revealed)          %d time(s)
                            """, ANSWERS, CLIENTS, all / 1_000_000, feedback, within3s,
                    millis[millis.length / 2], millis[(int) (millis.length * 0.99)], millis[millis.length - 1],
                    stored, users, board.equals(recomputed), board.size(),
                    announced.stream().filter(a -> a instanceof Announcement.RoundClosed c && c.channel().channel().equals(channel)).count());

            assertThat(feedback).isEqualTo(ANSWERS);
            assertThat(stored).isEqualTo(ANSWERS);
            assertThat(users).isEqualTo(ANSWERS);
            assertThat(board).isEqualTo(recomputed);
        }
    }
}
