package dev.quizbot.testing;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.quizbot.grading.Grader;

/**
 * Beans every application test shares: the movable clock and the stand-in grader. The real
 * grader is in the context too; the stand-in is primary so round-machinery tests keep
 * predictable scores (grading itself is tested in {@code dev.quizbot.grading}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

    @Bean
    @Primary
    Clock testClock() {
        return MutableClock.SHARED;
    }

    @Bean
    @Primary
    Grader testGrader() {
        return new KeywordTestGrader();
    }
}
