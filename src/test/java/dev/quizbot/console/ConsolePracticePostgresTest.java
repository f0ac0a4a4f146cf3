package dev.quizbot.console;

import dev.quizbot.testing.OnPostgres;

/** {@link ConsolePracticeTest} on PostgreSQL: practice cards and reviews as on H2. */
@OnPostgres
class ConsolePracticePostgresTest extends ConsolePracticeTest {
}
