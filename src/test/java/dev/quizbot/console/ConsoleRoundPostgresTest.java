package dev.quizbot.console;

import dev.quizbot.testing.OnPostgres;

/** {@link ConsoleRoundTest} on PostgreSQL: rounds, answers and their bad input behave as on H2. */
@OnPostgres
class ConsoleRoundPostgresTest extends ConsoleRoundTest {
}
