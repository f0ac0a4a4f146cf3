package dev.quizbot.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.testing.QuizbotTest;

/**
 * Guards the plan that keeps boards fast (docs/benchmarks.md, "Leaderboards"): H2 must read
 * the top rows in order from score_bucket_rank and stop, not sort the whole bucket range.
 */
@QuizbotTest
class LeaderboardQueryPlanTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTopRowsOfABoardAreReadInIndexOrderFromTheRankIndex() {
        String channel = "plan:guild:c-" + System.nanoTime();
        LocalDate allTime = LocalDate.of(1970, 1, 1);
        for (int u = 0; u < 50; u++) {
            jdbc.sql("INSERT INTO score_bucket (scope_key, span, span_start, user_id, points, answers, correct)"
                    + " VALUES (?, 'ALL', ?, ?, ?, 1, 1)").params(channel, allTime, "u" + u, u * 7 % 31).update();
        }

        String plan = jdbc.sql("EXPLAIN " + LeaderboardService.TOP_ROWS)
                .params("plan:guild", channel, "ALL", allTime, LeaderboardService.TOP)
                .query(String.class).single();

        assertThat(plan).containsIgnoringCase("SCORE_BUCKET_RANK").contains("index sorted");
    }
}
