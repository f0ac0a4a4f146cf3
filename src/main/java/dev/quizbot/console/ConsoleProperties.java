package dev.quizbot.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quizbot.console.*}.
 *
 * @param enabled whether the terminal chat starts (it also stays off when a Discord or Slack token is set)
 * @param user    the local player's name; the OS user when not set
 * @param channel the console channel's name
 * @param admin   whether the local player may use admin commands (it is their own machine)
 * @param color   auto (when the terminal supports it), always or never
 * @param logFile where log lines go while the console chat is active, so they do not interleave with it;
 *                {@code quizbot.log} in the data folder when not set
 */
@ConfigurationProperties("quizbot.console")
public record ConsoleProperties(@DefaultValue("true") boolean enabled,
                                String user,
                                @DefaultValue("quiz") String channel,
                                @DefaultValue("true") boolean admin,
                                @DefaultValue("auto") String color,
                                String logFile) {

    public ConsoleProperties {
        if (user == null || user.isBlank()) {
            String os = System.getProperty("user.name");
            user = os == null || os.isBlank() ? "player" : os;
        }
    }
}
