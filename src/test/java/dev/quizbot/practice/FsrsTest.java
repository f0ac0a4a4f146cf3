package dev.quizbot.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * FSRS-6 against the reference implementation's published vectors (ts-fsrs
 * {@code __tests__/FSRSV6.test.ts}, which carries fsrs-rs {@code inference.rs} memory states).
 */
class FsrsTest {

    private static final List<Rating> RATINGS = List.of(Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD,
            Rating.GOOD, Rating.GOOD);
    private static final long[] ELAPSED = {0, 0, 1, 3, 8, 21};

    private static Fsrs.Memory replay(Fsrs fsrs) {
        Fsrs.Memory memory = null;
        for (int i = 0; i < RATINGS.size(); i++) {
            memory = fsrs.next(memory, ELAPSED[i], RATINGS.get(i));
        }
        return memory;
    }

    @Test
    void memoryStateWithSameDayReviewsMatchesTheReference() {
        Fsrs.Memory memory = replay(new Fsrs());

        assertThat(memory.stability()).isCloseTo(53.62691, within(1e-4));
        assertThat(memory.difficulty()).isCloseTo(6.3574867, within(1e-4));
    }

    @Test
    void memoryStateLongTermOnlyMatchesTheReference() {
        Fsrs.Memory memory = replay(new Fsrs(Fsrs.DEFAULT_PARAMETERS, Fsrs.DEFAULT_RETENTION, false));

        assertThat(memory.stability()).isCloseTo(53.335106, within(1e-4));
        assertThat(memory.difficulty()).isCloseTo(6.3574867, within(1e-4));
    }

    @Test
    void firstReviewOfEachRatingMatchesTheReference() {
        Fsrs fsrs = new Fsrs();
        double[] stability = {0.212, 1.2931, 2.3065, 8.2956};
        double[] difficulty = {6.4133, 5.11217071, 2.11810397, 1};
        for (Rating rating : Rating.values()) {
            Fsrs.Memory first = fsrs.next(null, 0, rating);
            assertThat(first.stability()).as(rating.name()).isCloseTo(stability[rating.grade() - 1], within(1e-8));
            assertThat(first.difficulty()).as(rating.name()).isCloseTo(difficulty[rating.grade() - 1], within(1e-7));
        }
        // the reference schedules a first Easy 8 days out, where predicted recall is 0.9024733
        Fsrs.Memory easy = fsrs.next(null, 0, Rating.EASY);
        assertThat(fsrs.intervalDays(easy.stability())).isEqualTo(8);
        assertThat(fsrs.retrievability(8, easy.stability())).isCloseTo(0.9024733, within(1e-7));
    }

    @Test
    void intervalsGrowWithStabilityAndStayWithinBounds() {
        Fsrs fsrs = new Fsrs();
        assertThat(fsrs.intervalDays(0.01)).isEqualTo(1);
        assertThat(fsrs.intervalDays(53.6)).isEqualTo(54);
        assertThat(fsrs.intervalDays(1e9)).isEqualTo(Fsrs.MAX_INTERVAL_DAYS);
        assertThat(fsrs.retrievability(0, 3)).isEqualTo(1.0);
    }

    @Test
    void anAgainAfterADelayLowersStability() {
        Fsrs fsrs = new Fsrs();
        Fsrs.Memory good = fsrs.next(fsrs.next(null, 0, Rating.GOOD), 2, Rating.GOOD);
        Fsrs.Memory lapse = fsrs.next(good, 10, Rating.AGAIN);
        assertThat(lapse.stability()).isLessThan(good.stability());
        assertThat(lapse.difficulty()).isGreaterThan(good.difficulty());
    }

    @Test
    void badArgumentsAreRefusedWithAReason() {
        assertThatThrownBy(() -> new Fsrs(List.of(1.0), 0.9, true)).hasMessageContaining("21 parameters");
        assertThatThrownBy(() -> new Fsrs(Fsrs.DEFAULT_PARAMETERS, 1.5, true)).hasMessageContaining("retention");
        assertThatThrownBy(() -> new Fsrs().next(null, -1, Rating.GOOD)).hasMessageContaining("negative");
    }
}
