package dev.quizbot.console;

import dev.quizbot.testing.OnPostgres;

/** {@link CommunityBoundariesTest} on PostgreSQL: another channel or community is refused as on H2. */
@OnPostgres
class CommunityBoundariesPostgresTest extends CommunityBoundariesTest {
}
