package dev.quizbot.outbox;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.quizbot.chat.Announcement;
import tools.jackson.databind.json.JsonMapper;

/** Announcements as stored in {@code outbox.payload}: JSON of the record, under its simple name as kind. */
@Component
class Payloads {

    private static final Map<String, Class<?>> KINDS = Arrays.stream(Announcement.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final JsonMapper json;

    Payloads(JsonMapper json) {
        this.json = json;
    }

    static String kind(Announcement announcement) {
        return announcement.getClass().getSimpleName();
    }

    String write(Announcement announcement) {
        return json.writeValueAsString(announcement);
    }

    /** The announcement of a row; fails for a kind this version does not know (written by a newer one). */
    Announcement read(String kind, String payload) {
        Class<?> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("unknown outbox kind '" + kind + "'");
        }
        return (Announcement) json.readValue(payload, type);
    }
}
