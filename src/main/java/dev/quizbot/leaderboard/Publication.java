package dev.quizbot.leaderboard;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.quizbot.round.Sql;

/**
 * Which communities show their boards on the web. Off until an admin turns it on, so nothing
 * a community plays reaches a browser without someone there choosing it; stored in the
 * database so every instance and every restart agrees.
 */
@Service
public class Publication {

    private final JdbcClient jdbc;
    private final Clock clock;

    Publication(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Turns the web page on or off for the community; says whether that changed anything. */
    public boolean set(String communityKey, String byUserId, boolean published) {
        if (!published) {
            return jdbc.sql("DELETE FROM published_community WHERE community_key = ?").param(communityKey).update() > 0;
        }
        if (isPublished(communityKey)) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO published_community (community_key, published_by, published_at) VALUES (?, ?, ?)")
                    .params(communityKey, byUserId, Sql.ts(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException raced) {
            // another admin (or instance) published it a moment ago: the same outcome
            return false;
        }
    }

    public boolean isPublished(String communityKey) {
        return jdbc.sql("SELECT COUNT(*) FROM published_community WHERE community_key = ?")
                .param(communityKey).query(Integer.class).single() > 0;
    }

    /** Every published community key. */
    public Set<String> published() {
        List<String> keys = jdbc.sql("SELECT community_key FROM published_community").query(String.class).list();
        return keys.stream().collect(Collectors.toUnmodifiableSet());
    }
}
