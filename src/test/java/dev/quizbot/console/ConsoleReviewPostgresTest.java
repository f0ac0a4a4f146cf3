package dev.quizbot.console;

import dev.quizbot.testing.OnPostgres;

/**
 * {@link ConsoleReviewTest} on PostgreSQL: appeals, grouped decisions, exact regrades and the
 * race between two admins, on the store several instances share.
 */
@OnPostgres
class ConsoleReviewPostgresTest extends ConsoleReviewTest {
}
