package dev.quizbot.web;

import dev.quizbot.testing.OnPostgres;

/** {@link HistoryApiTest} on PostgreSQL: a player's history reads the same from PostgreSQL. */
@OnPostgres
class HistoryApiPostgresTest extends HistoryApiTest {
}
