package dev.quizbot.console;

import dev.quizbot.testing.OnPostgres;

/** {@link ConsoleLeaderboardTest} on PostgreSQL: the same boards as on H2. */
@OnPostgres
class ConsoleLeaderboardPostgresTest extends ConsoleLeaderboardTest {
}
