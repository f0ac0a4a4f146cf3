package dev.quizbot.console;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.quizbot.chat.PlaceNames;

/** Console channels are named by whoever types them, so their ids are their names. */
@Component
class ConsolePlaceNames implements PlaceNames {

    @Override
    public String platform() {
        return ConsoleChat.PLATFORM;
    }

    @Override
    public Optional<String> community(String community) {
        return Optional.of(ConsoleChat.COMMUNITY.equals(community) ? "Local console" : community);
    }

    @Override
    public Optional<String> channel(String community, String channel) {
        return Optional.of("#" + channel);
    }
}
