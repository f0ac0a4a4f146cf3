package dev.quizbot.schedule;

import dev.quizbot.testing.OnPostgres;

/** {@link UndeliveredPostTest} on PostgreSQL: an undelivered post is withdrawn as on H2. */
@OnPostgres
class UndeliveredPostPostgresTest extends UndeliveredPostTest {
}
