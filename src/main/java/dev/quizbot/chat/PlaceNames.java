package dev.quizbot.chat;

import java.util.Optional;

/**
 * Human names for one platform's communities and channels, where its adapter knows them (a
 * Discord server's name, a console channel's). Storage only keeps ids; the web page asks these
 * for what to show and falls back to the ids.
 */
public interface PlaceNames {

    /** The platform these names are for: "console", "discord", "slack". */
    String platform();

    Optional<String> community(String community);

    Optional<String> channel(String community, String channel);
}
