package dev.quizbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.quizbot.testing.PostgresServer;

/**
 * The crash test of docs/benchmarks.md: the real application in a child JVM on an H2 file,
 * signed Slack answer submissions from several clients, {@code kill -9} at a random moment
 * of the burst, a restart, and then the count of answers acknowledged (HTTP 200 carrying the
 * grade, or the ephemeral message that follows when grading took longer than Slack waits)
 * against answers stored and answers graded after the restart.
 *
 * <p>{@code ./mvnw -Pbenchmark test -Dtest=AnswerCrashBenchmark -Dcrash.runs=20}; also
 * {@code -Dcrash.answers=300 -Dcrash.clients=6}, {@code -Dcrash.h2-options=...} to run the
 * same burst with other H2 URL options (e.g. {@code ;WRITE_DELAY=500}, H2's default), and
 * {@code -Dcrash.store=postgres} to run it on the build's PostgreSQL (a database per run).
 */
class AnswerCrashBenchmark {

    private static final int RUNS = Integer.getInteger("crash.runs", 20);
    private static final int ANSWERS = Integer.getInteger("crash.answers", 300);
    private static final int CLIENTS = Integer.getInteger("crash.clients", 6);
    private static final String H2_OPTIONS = System.getProperty("crash.h2-options", "");
    private static final boolean ON_POSTGRES = "postgres".equals(System.getProperty("crash.store", "h2"));
    private static final String CHANNEL = "C-CRASH";
    private static final Pattern ROUND_BUTTON = Pattern.compile("\"value\"\\s*:\\s*\"(\\d+)\"");

    record RunResult(int acknowledged, int stored, int lost, int gradedAfterRestart, int ungradedLeft) {
    }

    /** Where the child JVM keeps its data across the kill and the restart. */
    interface Store {
        List<String> arguments(Path dataDir);

        Connection open(Path dataDir) throws SQLException;
    }

    /** An H2 file in the run's directory, with the given URL options. */
    static Store h2(String options) {
        return new Store() {
            @Override
            public List<String> arguments(Path dataDir) {
                return List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("quizbot")
                        + ";DB_CLOSE_ON_EXIT=FALSE" + (options.isEmpty() ? ";WRITE_DELAY=0" : options));
            }

            @Override
            public Connection open(Path dataDir) throws SQLException {
                return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("quizbot"), "sa", "");
            }
        };
    }

    /** A new database on the build's PostgreSQL. */
    static Store postgres() {
        PostgresServer server = PostgresServer.shared();
        String url = server.newDatabase("crash");
        return new Store() {
            @Override
            public List<String> arguments(Path dataDir) {
                return server.springArguments(url);
            }

            @Override
            public Connection open(Path dataDir) throws SQLException {
                return DriverManager.getConnection(url, server.username(), "");
            }
        };
    }

    @Test
    void acknowledgedAnswersSurviveKillDashNine() throws Exception {
        List<RunResult> results = new ArrayList<>();
        try (FakeSlackServer slack = new FakeSlackServer()) {
            for (int run = 1; run <= RUNS; run++) {
                RunResult result = run(slack, run, ON_POSTGRES ? postgres() : h2(H2_OPTIONS), ANSWERS, CLIENTS);
                results.add(result);
                System.out.printf("crash run %2d: acknowledged %3d, stored %3d, acknowledged but lost %d,"
                                + " graded after restart %d, still ungraded %d%n", run, result.acknowledged(),
                        result.stored(), result.lost(), result.gradedAfterRestart(), result.ungradedLeft());
            }
        }
        int lost = results.stream().mapToInt(RunResult::lost).sum();
        System.out.printf("crash test: %d runs, %d acknowledged, %d stored, %d acknowledged answers lost,"
                        + " %d graded after restart%n", results.size(),
                results.stream().mapToInt(RunResult::acknowledged).sum(),
                results.stream().mapToInt(RunResult::stored).sum(), lost,
                results.stream().mapToInt(RunResult::gradedAfterRestart).sum());
        assertThat(lost).as("acknowledged answers lost").isZero();
        assertThat(results).allSatisfy(r -> assertThat(r.ungradedLeft()).isZero());
    }

    /** One burst of {@code answers} from {@code clients}, a kill -9 in it, a restart, and the count. */
    static RunResult run(FakeSlackServer slack, int run, Store store, int answers, int clients) throws Exception {
        slack.reset();
        Path dataDir = Files.createTempDirectory("quizbot-crash-");
        int port = freePort();
        SignedSlackRequests requests = new SignedSlackRequests(port);

        Process app = start(slack, dataDir, port, store);
        long roundId = openRound(slack, requests, run);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        String metadata = roundId + ":" + FakeSlackServer.TEAM + ":" + CHANNEL;
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                int i;
                while ((i = sent.getAndIncrement()) < answers && app.isAlive()) {
                    String user = "U-R" + run + "-" + i;
                    try {
                        HttpResponse<String> response = requests.send(requests.answerSubmission(user, "V-" + user,
                                metadata, "retrieval from a knowledge base into the prompt " + i));
                        // acknowledged = the player was shown a grade
                        if (response.statusCode() == 200 && response.body().contains("/100")) {
                            acknowledged.add(user);
                        }
                    } catch (IOException | InterruptedException e) {
                        return; // the process is gone
                    }
                }
            });
        }
        // kill -9 at a random moment of the burst: after some answers were acknowledged
        int killAfter = ThreadLocalRandom.current().nextInt(answers / 10, answers * 2 / 3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.size() < killAfter && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        app.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no database close
        app.waitFor(30, TimeUnit.SECONDS);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        // an answer graded after Slack's 3 s acknowledgement budget is shown as an ephemeral message
        slack.calls("chat.postEphemeral").stream()
                .filter(call -> String.valueOf(call.param("text")).contains("/100"))
                .map(call -> call.param("user"))
                .filter(user -> user != null && user.startsWith("U-R" + run + "-"))
                .forEach(acknowledged::add);
        Set<String> ackedAtKill = Set.copyOf(acknowledged);

        // restart on the same file: the start-up pass grades what was stored but not graded
        slack.reset();
        Process again = start(slack, dataDir, port, store);
        // ready means the start-up pass ran; its direct messages go out on Slack's worker
        Thread.sleep(3_000);
        int gradedAfterRestart = (int) slack.calls("chat.postMessage").stream()
                .filter(call -> call.param("channel") != null && call.param("channel").startsWith("U-R" + run + "-"))
                .count();
        again.destroy(); // a normal stop, so the file can be read here
        again.waitFor(60, TimeUnit.SECONDS);

        Set<String> stored = new HashSet<>();
        int ungraded = 0;
        try (Connection db = store.open(dataDir);
             ResultSet rs = db.createStatement().executeQuery("SELECT user_id, verdict FROM answer")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
                if (rs.getString(2) == null) {
                    ungraded++;
                }
            }
        }
        Set<String> lost = new HashSet<>(ackedAtKill);
        lost.removeAll(stored);
        deleteRecursively(dataDir);
        return new RunResult(ackedAtKill.size(), stored.size(), lost.size(), gradedAfterRestart, ungraded);
    }

    private static long openRound(FakeSlackServer slack, SignedSlackRequests requests, int run) throws Exception {
        requests.send(requests.slashCommand("U-ASKER-" + run, CHANNEL, "ask rag", slack.responseUrl("ask-" + run)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (var call : slack.calls("chat.postMessage", CHANNEL)) {
                Matcher m = ROUND_BUTTON.matcher(String.valueOf(call.param("blocks")));
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no question was posted to " + CHANNEL);
    }

    private static Process start(FakeSlackServer slack, Path dataDir, int port, Store store) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.quizbot.QuizbotApplication",
                "--server.port=" + port,
                "--quizbot.data-dir=" + dataDir,
                "--quizbot.bank.path=src/test/resources/test-bank",
                "--quizbot.grading.model=none",
                "--quizbot.console.enabled=false",
                "--quizbot.rate-limit.enabled=false",
                "--quizbot.slack.requests-per-minute=100000",
                "--quizbot.slack.api-url=" + slack.apiUrl(),
                "--quizbot.slack.bot-token=" + FakeSlackServer.BOT_TOKEN,
                "--quizbot.slack.signing-secret=" + SignedSlackRequests.SIGNING_SECRET,
                "--logging.level.root=WARN"));
        command.addAll(store.arguments(dataDir));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("quizbot did not start; see " + dataDir.resolve("app.log") + ":\n"
                + Files.readString(dataDir.resolve("app.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
