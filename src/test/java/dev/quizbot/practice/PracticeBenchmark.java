package dev.quizbot.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.testing.TestBeans;

/**
 * Picking the next practice question for a player with 10,000 review records (a card for every
 * question of the shipped bank), among 200 players with cards, on H2 with the real migrations.
 * Not part of {@code verify}: {@code ./mvnw -B -Pbenchmark test -Dtest=PracticeBenchmark}.
 * Figures go to docs/benchmarks.md.
 */
@SpringBootTest(properties = {
        "quizbot.bank.path=questions",
        "spring.datasource.url=jdbc:h2:mem:practice-bench;DB_CLOSE_DELAY=-1",
        "quizbot.ticker.enabled=false",
        "quizbot.console.enabled=false",
        "quizbot.grading.model=none"})
@Import(TestBeans.class)
class PracticeBenchmark {

    static final int REVIEWS = 10_000;
    static final int PLAYERS = 200;
    static final int WARMUP = 500;
    static final int PICKS = 5_000;

    @Autowired
    PracticeService practice;
    @Autowired
    QuestionBankService bank;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void nextQuestionForAPlayerWithTenThousandReviews() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        List<Question> questions = new ArrayList<>(bank.bank().questions());
        SplittableRandom random = new SplittableRandom(42);
        for (int p = 0; p < PLAYERS; p++) {
            List<Object[]> cards = new ArrayList<>();
            for (Question q : questions) {
                int reviews = p == 0 ? REVIEWS / questions.size() + 1 : 1 + random.nextInt(10);
                cards.add(new Object[] {"bench:guild", "user-" + p, q.id(), q.topic(), 1 + random.nextDouble() * 50,
                        1 + random.nextDouble() * 9, reviews, random.nextInt(reviews + 1), 0,
                        now.minus(Duration.ofDays(random.nextInt(60))).atOffset(ZoneOffset.UTC),
                        now.plus(Duration.ofHours(random.nextInt(24 * 60) - 24 * 30)).atOffset(ZoneOffset.UTC)});
            }
            jdbc.batchUpdate("INSERT INTO practice_card (community_key, user_id, question_id, topic, stability,"
                    + " difficulty, reviews, correct, lapses, last_review, due_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", cards);
        }
        List<Object[]> reviews = new ArrayList<>();
        for (int i = 0; i < REVIEWS; i++) {
            Question q = questions.get(random.nextInt(questions.size()));
            reviews.add(new Object[] {"bench:guild", "user-0", q.id(), q.topic(), "PRACTICE",
                    now.minus(Duration.ofMinutes(REVIEWS - i)).atOffset(ZoneOffset.UTC), "GOOD", "CORRECT", 80,
                    "an answer", q.question(), q.answer()});
        }
        jdbc.batchUpdate("INSERT INTO practice_review (community_key, user_id, question_id, topic, source, reviewed_at,"
                + " rating, verdict, score, answer_text, question_text, reference_answer)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", reviews);

        Caller player = new Caller(new ChannelRef("bench", "guild", "room"), "user-0", "Bench", false);
        for (int i = 0; i < WARMUP; i++) {
            practice.pick(player, Optional.empty(), Optional.empty(), Optional.empty(), now);
        }
        // wall time includes waiting for a CPU on a busy machine; the thread's CPU time is the pick's own work
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[PICKS];
        long[] cpu = new long[PICKS];
        for (int i = 0; i < PICKS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Optional<NextQuestion.Pick> pick = practice.pick(player, Optional.empty(), Optional.empty(),
                    Optional.empty(), now);
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            assertThat(pick).isPresent();
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "PRACTICE-BENCH picks=%d cards/player=%d reviews=%d players=%d"
                        + " wall p50=%.3f p99=%.3f max=%.3f ms, cpu p50=%.3f p99=%.3f ms, load average %.1f%n",
                PICKS, questions.size(), REVIEWS, PLAYERS, ms(wall, 0.5), ms(wall, 0.99), ms(wall, 1.0),
                ms(cpu, 0.5), ms(cpu, 0.99), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }
}
