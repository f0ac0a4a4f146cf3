package dev.quizbot.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one application-test setup, so every test class shares a single cached context: the
 * test bank, an in-memory H2 with the real migrations, no ticker (tests move time and call
 * the closer and scheduler themselves), no outbox poll (rows are delivered right after their
 * commit; tests drain retries themselves) and no terminal chat.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "quizbot.bank.path=src/test/resources/test-bank",
        "spring.datasource.url=jdbc:h2:mem:quizbot-shared;DB_CLOSE_DELAY=-1",
        "quizbot.ticker.enabled=false",
        "quizbot.outbox.worker.enabled=false",
        "quizbot.console.enabled=false",
        "quizbot.scoring.default-zone=UTC"})
@Import(TestBeans.class)
public @interface QuizbotTest {
}
