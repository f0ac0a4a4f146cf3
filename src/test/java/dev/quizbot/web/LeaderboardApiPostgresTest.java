package dev.quizbot.web;

import dev.quizbot.testing.OnPostgres;

/** {@link LeaderboardApiTest} on PostgreSQL: the public boards read the same from PostgreSQL. */
@OnPostgres
class LeaderboardApiPostgresTest extends LeaderboardApiTest {
}
