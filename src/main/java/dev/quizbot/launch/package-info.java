/**
 * Start-up guard for the executable jar: {@link dev.quizbot.launch.JavaVersionCheck} refuses an
 * old JVM in one sentence, then starts the application.
 */
package dev.quizbot.launch;
