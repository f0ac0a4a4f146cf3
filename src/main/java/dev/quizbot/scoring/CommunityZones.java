package dev.quizbot.scoring;

import java.time.ZoneId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which timezone a community's days, weeks and months are counted in. */
@Component
public class CommunityZones {

    private final JdbcClient jdbc;
    private final ZoneId defaultZone;

    CommunityZones(JdbcClient jdbc, ScoringProperties properties) {
        this.jdbc = jdbc;
        this.defaultZone = properties.defaultZone();
    }

    public ZoneId zone(String communityKey) {
        return jdbc.sql("SELECT zone FROM community WHERE community_key = ?").param(communityKey)
                .query(String.class).optional().map(ZoneId::of).orElse(defaultZone);
    }

    /** The first schedule set in a community decides its zone; later ones do not move it. */
    public void adoptIfUnset(String communityKey, ZoneId zone) {
        boolean set = jdbc.sql("SELECT COUNT(*) FROM community WHERE community_key = ?").param(communityKey)
                .query(Integer.class).single() > 0;
        if (set) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO community (community_key, zone) VALUES (?, ?)")
                    .params(communityKey, zone.getId()).update();
        } catch (DuplicateKeyException raced) {
            // set concurrently by another schedule; the first one wins
        }
    }
}
