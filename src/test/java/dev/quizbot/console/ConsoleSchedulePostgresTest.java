package dev.quizbot.console;

import dev.quizbot.testing.OnPostgres;

/** {@link ConsoleScheduleTest} on PostgreSQL: schedules fire and rounds close as on H2. */
@OnPostgres
class ConsoleSchedulePostgresTest extends ConsoleScheduleTest {
}
