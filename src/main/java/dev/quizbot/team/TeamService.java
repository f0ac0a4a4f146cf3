package dev.quizbot.team;

import static dev.quizbot.round.Sql.ts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Teams within a community: anyone may create one (and is its first member), join or leave;
 * one team per user per community; a team whose last member leaves is dissolved.
 */
@Service
public class TeamService {

    public static final int MAX_NAME_LENGTH = 40;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._'-]{0,39}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    TeamService(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public record Team(long id, String name, int members) {
    }

    /** What a team command led to; {@code message} is ready to show. */
    public sealed interface Outcome {
        String message();

        record Done(String message) implements Outcome {
        }

        record Refused(String message) implements Outcome {
        }
    }

    public Outcome create(String communityKey, String userId, String rawName) {
        String name = rawName == null ? "" : rawName.strip().replaceAll("\\s+", " ");
        if (name.length() > MAX_NAME_LENGTH) {
            return new Outcome.Refused("Team names are at most " + MAX_NAME_LENGTH + " characters; that one has "
                    + name.length() + ".");
        }
        if (!NAME.matcher(name).matches()) {
            return new Outcome.Refused("A team name needs letters or digits (spaces, dots, dashes and apostrophes"
                    + " are fine), up to " + MAX_NAME_LENGTH + " characters.");
        }
        Optional<Team> current = teamOf(communityKey, userId);
        if (current.isPresent()) {
            return new Outcome.Refused("You are already in team " + current.get().name()
                    + "; `team leave` first to start a new one.");
        }
        if (find(communityKey, name).isPresent()) {
            return new Outcome.Refused("There is already a team called " + name + "; `team join " + name
                    + "` to join it.");
        }
        try {
            tx.executeWithoutResult(status -> {
                var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("INSERT INTO team (community_key, name, name_key, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                        .params(communityKey, name, key(name), userId, ts(clock.instant())).update(keys, "id");
                addMember(communityKey, userId, keys.getKey().longValue());
            });
        } catch (DuplicateKeyException raced) {
            return new Outcome.Refused("There is already a team called " + name + ", or you just joined one.");
        }
        return new Outcome.Done("Created team " + name + " and joined it. Others can `team join " + name + "`.");
    }

    public Outcome join(String communityKey, String userId, String rawName) {
        String name = rawName == null ? "" : rawName.strip();
        Optional<Team> team = find(communityKey, name);
        if (team.isEmpty()) {
            return new Outcome.Refused("There is no team called " + name + " here. `team list` shows the teams; "
                    + "`team create NAME` starts one.");
        }
        Optional<Team> current = teamOf(communityKey, userId);
        if (current.isPresent()) {
            return current.get().id() == team.get().id()
                    ? new Outcome.Refused("You are already in team " + team.get().name() + ".")
                    : new Outcome.Refused("You are in team " + current.get().name()
                            + "; one team per person: `team leave` first.");
        }
        try {
            addMember(communityKey, userId, team.get().id());
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            return new Outcome.Refused("Could not join " + team.get().name() + ": you joined another team or it"
                    + " was dissolved just now. Try `team list`.");
        }
        return new Outcome.Done("Joined team " + team.get().name() + ".");
    }

    public Outcome leave(String communityKey, String userId) {
        Optional<Team> current = teamOf(communityKey, userId);
        if (current.isEmpty()) {
            return new Outcome.Refused("You are not in a team.");
        }
        Team team = current.get();
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM team_member WHERE community_key = ? AND user_id = ?").params(communityKey, userId).update();
            jdbc.sql("DELETE FROM team WHERE id = ? AND NOT EXISTS (SELECT 1 FROM team_member WHERE team_id = ?)")
                    .params(team.id(), team.id()).update();
        });
        return new Outcome.Done("Left team " + team.name() + (team.members() == 1 ? "; it had no one else, so it is dissolved." : "."));
    }

    public List<Team> list(String communityKey) {
        return jdbc.sql("""
                        SELECT t.id, t.name, (SELECT COUNT(*) FROM team_member m WHERE m.team_id = t.id) AS members
                        FROM team t WHERE t.community_key = ? ORDER BY t.name_key""")
                .param(communityKey).query(Team.class).list();
    }

    public Optional<Team> teamOf(String communityKey, String userId) {
        return jdbc.sql("""
                        SELECT t.id, t.name, (SELECT COUNT(*) FROM team_member m2 WHERE m2.team_id = t.id) AS members
                        FROM team_member m JOIN team t ON t.id = m.team_id
                        WHERE m.community_key = ? AND m.user_id = ?""")
                .params(communityKey, userId).query(Team.class).optional();
    }

    private Optional<Team> find(String communityKey, String name) {
        return jdbc.sql("""
                        SELECT t.id, t.name, (SELECT COUNT(*) FROM team_member m WHERE m.team_id = t.id) AS members
                        FROM team t WHERE t.community_key = ? AND t.name_key = ?""")
                .params(communityKey, key(name)).query(Team.class).optional();
    }

    private void addMember(String communityKey, String userId, long teamId) {
        jdbc.sql("INSERT INTO team_member (community_key, user_id, team_id, joined_at) VALUES (?, ?, ?, ?)")
                .params(communityKey, userId, teamId, ts(clock.instant())).update();
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
