package dev.quizbot.practice;

import dev.quizbot.testing.OnPostgres;

/** {@link PracticeReminderTest} on PostgreSQL: reminders as on H2. */
@OnPostgres
class PracticeReminderPostgresTest extends PracticeReminderTest {
}
