package dev.quizbot.outbox;

import dev.quizbot.testing.OnPostgres;

/** {@link OutboxTest} on PostgreSQL: claiming with SKIP LOCKED, leases and coalescing as on H2. */
@OnPostgres
class OutboxPostgresTest extends OutboxTest {
}
