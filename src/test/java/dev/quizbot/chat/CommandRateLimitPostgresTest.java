package dev.quizbot.chat;

import dev.quizbot.testing.OnPostgres;

/** {@link CommandRateLimitTest} on PostgreSQL: the shared rate-limit table works there too. */
@OnPostgres
class CommandRateLimitPostgresTest extends CommandRateLimitTest {
}
