package dev.quizbot.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.quizbot.chat.PlaceNames;

/** Community and channel names where the platform's adapter knows them, else the ids. */
@Component
class WebNames {

    private final Map<String, PlaceNames> names;

    WebNames(List<PlaceNames> names) {
        this.names = names.stream().collect(Collectors.toMap(PlaceNames::platform, Function.identity(), (a, b) -> a));
    }

    record Channel(String id, String name) {
    }

    String community(String platform, String community) {
        return Optional.ofNullable(names.get(platform)).flatMap(n -> n.community(community)).orElse(community);
    }

    Channel channel(String platform, String community, String channel) {
        return new Channel(channel, Optional.ofNullable(names.get(platform))
                .flatMap(n -> n.channel(community, channel)).orElse(channel));
    }
}
