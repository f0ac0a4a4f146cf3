package dev.quizbot.testing;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.quizbot.grading.Grader;

/** Beans every application test shares: the movable clock and the stand-in grader. */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

    @Bean
    @Primary
    Clock testClock() {
        return MutableClock.SHARED;
    }

    @Bean
    Grader testGrader() {
        return new KeywordTestGrader();
    }
}
