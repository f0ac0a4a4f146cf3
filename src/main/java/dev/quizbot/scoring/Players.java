package dev.quizbot.scoring;

import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last display name each user was seen with in a community. */
@Repository
public class Players {

    public static final int MAX_NAME_LENGTH = 120;

    private final JdbcClient jdbc;

    Players(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Player(String userId, String displayName) {
    }

    public void remember(String communityKey, String userId, String displayName) {
        // The platform's name, not something the player typed here: drop what cannot be stored.
        String cleaned = dev.quizbot.chat.StorableText.strip(displayName);
        String name = cleaned == null || cleaned.isBlank() ? userId : cleaned.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        String key = name.toLowerCase(Locale.ROOT);
        int updated = jdbc.sql("UPDATE player SET display_name = ?, name_key = ? WHERE community_key = ? AND user_id = ?")
                .params(name, key, communityKey, userId).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO player (community_key, user_id, display_name, name_key) VALUES (?, ?, ?, ?)")
                        .params(communityKey, userId, name, key).update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // another answer of the same user inserted it a moment ago; its name is as good
            }
        }
    }

    /** A user by id, or else by display name (case-insensitive). */
    public Optional<Player> find(String communityKey, String idOrName) {
        String wanted = idOrName.strip();
        if (wanted.startsWith("@")) {
            wanted = wanted.substring(1);
        }
        Optional<Player> byId = jdbc.sql("SELECT user_id, display_name FROM player WHERE community_key = ? AND user_id = ?")
                .params(communityKey, wanted).query(Player.class).optional();
        if (byId.isPresent()) {
            return byId;
        }
        return jdbc.sql("SELECT user_id, display_name FROM player WHERE community_key = ? AND name_key = ? ORDER BY user_id")
                .params(communityKey, wanted.toLowerCase(Locale.ROOT)).query(Player.class).list().stream().findFirst();
    }

    public String name(String communityKey, String userId) {
        return jdbc.sql("SELECT display_name FROM player WHERE community_key = ? AND user_id = ?")
                .params(communityKey, userId).query(String.class).optional().orElse(userId);
    }
}
