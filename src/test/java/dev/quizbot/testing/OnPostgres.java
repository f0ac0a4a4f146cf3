package dev.quizbot.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs an application test class against the build's real PostgreSQL instead of H2: put it on
 * a subclass of a {@link QuizbotTest} class to run the same tests on both stores. All such
 * classes share one context and one database, as the H2 ones share theirs (see
 * {@link PostgresStore}). Skips, saying why, only where the platform cannot run PostgreSQL
 * ({@link PostgresServer#unavailableBecause}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PostgresAvailable.class)
@ContextConfiguration(initializers = PostgresStore.class)
public @interface OnPostgres {
}
