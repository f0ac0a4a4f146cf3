package dev.quizbot.outbox;

import dev.quizbot.testing.OnPostgres;

/** {@link LostPostsTest} on PostgreSQL: posts cut off by a kill are taken over as on H2. */
@OnPostgres
class LostPostsPostgresTest extends LostPostsTest {
}
