/**
 * The console chat: the first adapter and the default when no Discord or Slack token is set,
 * so a newcomer can play straight after {@code ./mvnw spring-boot:run}. Tests drive it by
 * connecting sessions and capturing their output.
 */
package dev.quizbot.console;
