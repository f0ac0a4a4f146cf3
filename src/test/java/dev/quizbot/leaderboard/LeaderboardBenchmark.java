package dev.quizbot.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.quizbot.QuizbotApplication;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Period;
import dev.quizbot.chat.Scope;
import dev.quizbot.scoring.Span;
import dev.quizbot.testing.MutableClock;
import dev.quizbot.testing.TestBeans;

/**
 * Loads 1,000,000 answers by 10,000 users (one community, 20 channels, a year, 500 teams)
 * into an H2 file database with the real migrations, then times every leaderboard query
 * through {@link LeaderboardService}. Not part of {@code verify}: run it with
 * {@code ./mvnw -B -Pbenchmark test -Dtest=LeaderboardBenchmark}. Figures go to docs/benchmarks.md.
 */
class LeaderboardBenchmark {

    static final int ANSWERS = 1_000_000;
    static final int USERS = 10_000;
    static final int CHANNELS = 20;
    static final int DAYS = 365;
    static final int TEAMS = 500;
    static final int QUERIES_PER_KIND = 300;
    static final String PLATFORM = "bench";
    static final String COMMUNITY = "guild";
    static final String COMMUNITY_KEY = PLATFORM + ":" + COMMUNITY;
    static final ZoneId ZONE = ZoneOffset.UTC;

    @TempDir
    Path dataDir;

    @Test
    void leaderboardQueriesOverAMillionAnswers() {
        // -Dbenchmark.keep-db=/some/dir keeps the loaded database there, to inspect query plans afterwards
        String keep = System.getProperty("benchmark.keep-db", "");
        Path dataDir = keep.isBlank() ? this.dataDir : Path.of(keep);
        Instant now = Instant.parse("2026-12-31T12:00:00Z");
        MutableClock.SHARED.set(now);
        try (var app = new SpringApplicationBuilder(QuizbotApplication.class, TestBeans.class).run(
                "--quizbot.bank.path=src/test/resources/test-bank", "--quizbot.data-dir=" + dataDir.toAbsolutePath(),
                "--quizbot.ticker.enabled=false", "--quizbot.console.enabled=false",
                "--quizbot.scoring.default-zone=UTC", "--spring.main.web-application-type=none")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long loadStart = System.nanoTime();
            load(jdbc, now, dataDir);
            long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
            int bucketRows = jdbc.queryForObject("SELECT COUNT(*) FROM score_bucket", Integer.class);
            System.out.printf(Locale.ROOT, "Loaded %,d answers, %,d score buckets in %,d ms%n", ANSWERS, bucketRows, loadMillis);

            printPlans(jdbc);

            LeaderboardService boards = app.getBean(LeaderboardService.class);
            SplittableRandom random = new SplittableRandom(7);
            List<String> lines = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            for (Scope scope : Scope.values()) {
                for (Period period : Period.values()) {
                    // warm-up: let H2 cache pages and the JIT compile
                    for (int i = 0; i < 50; i++) {
                        boards.board(caller(random), scope, period);
                    }
                    double[] millis = new double[QUERIES_PER_KIND];
                    for (int i = 0; i < QUERIES_PER_KIND; i++) {
                        Caller caller = caller(random);
                        long start = System.nanoTime();
                        var board = boards.board(caller, scope, period);
                        millis[i] = (System.nanoTime() - start) / 1e6;
                        assertThat(board.rows()).isNotEmpty();
                    }
                    Arrays.sort(millis);
                    for (double m : millis) {
                        all.add(m);
                    }
                    lines.add(String.format(Locale.ROOT, "| %-7s | %-5s | %6.2f | %6.2f | %6.2f |", scope, period,
                            percentile(millis, 50), percentile(millis, 99), millis[millis.length - 1]));
                }
            }
            double[] overall = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.println("| scope   | window | p50 ms | p99 ms | max ms |");
            System.out.println("|---------|--------|--------|--------|--------|");
            lines.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "| all     | all   | %6.2f | %6.2f | %6.2f |%n", percentile(overall, 50),
                    percentile(overall, 99), overall[overall.length - 1]);
        }
    }

    /** What H2 reads for an all-time channel and server board: should be "index sorted", 10 rows. */
    private static void printPlans(JdbcTemplate jdbc) {
        for (String scopeKey : List.of(COMMUNITY_KEY + ":c3", COMMUNITY_KEY)) {
            try {
                System.out.println("Plan for " + scopeKey + ":\n" + jdbc.queryForObject("EXPLAIN ANALYZE "
                        + LeaderboardService.TOP_ROWS, String.class, COMMUNITY_KEY, scopeKey, Span.ALL.name(),
                        LocalDate.of(1970, 1, 1), LeaderboardService.TOP));
            } catch (RuntimeException e) {
                System.out.println("No plan for " + scopeKey + ": " + e);
            }
        }
    }

    private static Caller caller(SplittableRandom random) {
        String channel = "c" + random.nextInt(CHANNELS);
        String user = "u" + random.nextInt(USERS);
        return new Caller(new ChannelRef(PLATFORM, COMMUNITY, channel), user, user, false);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Inserts rounds, answers, players, teams and the score buckets the answers add up to. */
    private static void load(JdbcTemplate jdbc, Instant now, Path dir) {
        SplittableRandom random = new SplittableRandom(42);
        // the last day's answers fall in the hour before now, so every window has data
        Instant first = now.minus(Duration.ofDays(DAYS - 1)).minus(Duration.ofHours(1));
        // one round per channel per day
        List<Object[]> rounds = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            for (int c = 0; c < CHANNELS; c++) {
                OffsetDateTime opened = first.plus(Duration.ofDays(day)).atOffset(ZoneOffset.UTC);
                rounds.add(new Object[] {(long) day * CHANNELS + c + 1, PLATFORM + ":" + COMMUNITY + ":c" + c, PLATFORM,
                        COMMUNITY, "c" + c, "what-is-rag", "rag", "EASY", "Q?", "A.", opened, opened.plusHours(1),
                        opened.plusHours(1)});
            }
        }
        jdbc.batchUpdate("INSERT INTO quiz_round (id, channel_key, platform, community, channel, question_id, topic,"
                + " difficulty, question_text, reference_answer, opened_at, closes_at, closed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rounds);

        record Key(String scope, Span span, LocalDate start, String user) {
        }
        Map<Key, long[]> buckets = new HashMap<>();
        List<Object[]> answers = new ArrayList<>(ANSWERS);
        Map<Long, java.util.Set<Integer>> answered = new HashMap<>();
        int inserted = 0;
        while (inserted < ANSWERS) {
            // users answer with a skew: some play nearly every day, most now and then
            int user = (int) Math.min(USERS - 1, Math.abs(random.nextGaussian()) * USERS / 2.5);
            int day = random.nextInt(DAYS);
            int channel = user % CHANNELS;
            long roundId = (long) day * CHANNELS + channel + 1;
            if (!answered.computeIfAbsent(roundId, k -> new java.util.HashSet<>()).add(user)) {
                // each user answers a round once; fall back to any other user
                user = random.nextInt(USERS);
                if (!answered.get(roundId).add(user)) {
                    continue;
                }
            }
            int score = random.nextInt(101);
            int points = (int) Math.round(score * 1.5);
            boolean correct = score >= 70;
            Instant at = first.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(1 + random.nextInt(59)));
            String userId = "u" + user;
            String channelKey = PLATFORM + ":" + COMMUNITY + ":c" + channel;
            answers.add(new Object[] {roundId, COMMUNITY_KEY, channelKey, userId, "rag", csvTime(at),
                    "answer", correct ? "CORRECT" : "PARTIAL", score, points, 0});
            LocalDate local = at.atZone(ZONE).toLocalDate();
            for (String scope : new String[] {COMMUNITY_KEY, channelKey}) {
                for (Span span : Span.values()) {
                    long[] sums = buckets.computeIfAbsent(new Key(scope, span, span.start(local), userId), k -> new long[3]);
                    sums[0] += points;
                    sums[1]++;
                    sums[2] += correct ? 1 : 0;
                }
            }
            inserted++;
        }
        csvInsert(jdbc, dir, "answer", "round_id, community_key, channel_key, user_id, topic, answered_at,"
                + " answer_text, verdict, score, points, streak", answers);
        answers.clear();

        List<Object[]> rows = new ArrayList<>(buckets.size());
        for (var e : buckets.entrySet()) {
            Key k = e.getKey();
            rows.add(new Object[] {k.scope(), k.span().name(), k.start(), k.user(), e.getValue()[0],
                    e.getValue()[1], e.getValue()[2]});
        }
        buckets.clear();
        csvInsert(jdbc, dir, "score_bucket", "scope_key, span, span_start, user_id, points, answers, correct", rows);

        List<Object[]> players = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            players.add(new Object[] {COMMUNITY_KEY, "u" + u, "User " + u, "user " + u});
        }
        jdbc.batchUpdate("INSERT INTO player (community_key, user_id, display_name, name_key) VALUES (?, ?, ?, ?)", players);
        List<Object[]> teams = new ArrayList<>();
        for (int t = 1; t <= TEAMS; t++) {
            teams.add(new Object[] {(long) t, COMMUNITY_KEY, "Team " + t, "team " + t, "u0", now.atOffset(ZoneOffset.UTC)});
        }
        jdbc.batchUpdate("INSERT INTO team (id, community_key, name, name_key, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", teams);
        List<Object[]> members = new ArrayList<>();
        for (int u = 0; u < USERS; u += 3) {
            members.add(new Object[] {COMMUNITY_KEY, "u" + u, (long) (u % TEAMS) + 1, now.atOffset(ZoneOffset.UTC)});
        }
        jdbc.batchUpdate("INSERT INTO team_member (community_key, user_id, team_id, joined_at) VALUES (?, ?, ?, ?)", members);
        jdbc.execute("ANALYZE");
    }

    private static String csvTime(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(at.atOffset(ZoneOffset.UTC))
                + "+00:00";
    }

    /** Bulk load through H2's CSVREAD: an order of magnitude faster than JDBC batches for millions of rows. */
    private static void csvInsert(JdbcTemplate jdbc, Path dir, String table, String columns, List<Object[]> rows) {
        Path file = dir.resolve(table + ".csv");
        try (var out = java.nio.file.Files.newBufferedWriter(file)) {
            out.write(columns.replace(" ", ""));
            out.newLine();
            StringBuilder line = new StringBuilder();
            for (Object[] row : rows) {
                line.setLength(0);
                for (int c = 0; c < row.length; c++) {
                    line.append(c == 0 ? "" : ",").append(row[c]);
                }
                out.write(line.toString());
                out.newLine();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        jdbc.execute("INSERT INTO " + table + " (" + columns + ") SELECT * FROM CSVREAD('" + file + "')");
    }
}
