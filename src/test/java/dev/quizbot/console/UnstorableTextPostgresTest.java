package dev.quizbot.console;

import dev.quizbot.testing.OnPostgres;

/** {@link UnstorableTextTest} on PostgreSQL, which refuses U+0000 where H2 stores it: the same input, the same answer. */
@OnPostgres
class UnstorableTextPostgresTest extends UnstorableTextTest {
}
