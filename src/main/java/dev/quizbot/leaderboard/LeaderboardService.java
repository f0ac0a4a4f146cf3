package dev.quizbot.leaderboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Period;
import dev.quizbot.chat.Scope;
import dev.quizbot.chat.Views;
import dev.quizbot.round.RoundService;
import dev.quizbot.scoring.CommunityZones;
import dev.quizbot.scoring.Span;
import dev.quizbot.team.TeamService;

/**
 * Leaderboards over the rolled-up score buckets: players of a channel or a whole community,
 * or teams, for today, this week (Monday first), this month or all time in the community's
 * timezone. Equal points share a rank (1, 2, 2, 4); the caller's own row comes along even
 * when it is outside the top rows.
 *
 * <p>Teams are ranked by mean points per active member: the points their members scored in
 * the window divided by how many of them scored at all, so a big team does not win by size
 * and inactive members do not drag a team down.
 */
@Service
public class LeaderboardService {

    public static final int TOP = 10;

    /**
     * The top rows of one bucket range. The ORDER BY names the range's equality columns before
     * points although they are constant: H2 only reads an index in ORDER BY order when the
     * ORDER BY starts at the index's first column. Ordered by points alone, H2 read the whole
     * range through the primary key and sorted it (5,925 rows for one channel's all-time board
     * in the benchmark); ordered like this it reads the first 10 entries of
     * {@code score_bucket_rank} and stops ("index sorted" in EXPLAIN; see docs/benchmarks.md).
     */
    static final String TOP_ROWS = """
            SELECT b.user_id, COALESCE(p.display_name, b.user_id) AS name, b.points, b.answers, b.correct
            FROM score_bucket b LEFT JOIN player p ON p.community_key = ? AND p.user_id = b.user_id
            WHERE b.scope_key = ? AND b.span = ? AND b.span_start = ?
            ORDER BY b.scope_key, b.span, b.span_start, b.points DESC
            LIMIT ?""";

    private final JdbcClient jdbc;
    private final CommunityZones zones;
    private final TeamService teams;
    private final Clock clock;

    LeaderboardService(JdbcClient jdbc, CommunityZones zones, TeamService teams, Clock clock) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.teams = teams;
        this.clock = clock;
    }

    public Views.Leaderboard board(Caller caller, Scope scope, Period period) {
        return board(caller.channel(), Optional.of(caller), scope, period).board();
    }

    /**
     * A board as anyone may see it, for instance on the web page: the same rows as in chat but
     * without a caller's own row, and with the calendar window it covers.
     *
     * @param where the channel for {@link Scope#CHANNEL}; for the other scopes only its platform
     *              and community count
     */
    public WindowedBoard publicBoard(ChannelRef where, Scope scope, Period period) {
        return board(where, Optional.empty(), scope, period);
    }

    /**
     * A board and the local days it covers in the community's timezone, both taken at the same
     * instant so they agree around midnight. {@code window} is empty for all time.
     */
    public record WindowedBoard(Views.Leaderboard board, Optional<Window> window) {
    }

    /** First and last local day of a leaderboard window, inclusive. */
    public record Window(LocalDate first, LocalDate last) {
    }

    /** A community that has scores, with how many players have answered there. */
    public record ScoredCommunity(String platform, String community, int players) {
    }

    /** Every community where somebody has answered, by platform then community id. */
    public List<ScoredCommunity> scoredCommunities() {
        return jdbc.sql("SELECT community_key, COUNT(*) AS players FROM player GROUP BY community_key")
                .query((rs, n) -> {
                    // platforms ("console", "discord", "slack") never hold a colon; community ids may
                    String key = rs.getString("community_key");
                    int colon = key.indexOf(':');
                    return new ScoredCommunity(key.substring(0, colon), key.substring(colon + 1), rs.getInt("players"));
                })
                .list().stream()
                .sorted(Comparator.comparing(ScoredCommunity::platform).thenComparing(ScoredCommunity::community))
                .toList();
    }

    /** Whether anybody has answered in the community. */
    public boolean hasScores(String platform, String community) {
        return jdbc.sql("SELECT COUNT(*) FROM player WHERE community_key = ?")
                .param(RoundService.communityKey(new ChannelRef(platform, community, ""))).query(Integer.class).single() > 0;
    }

    /** The channels of a community where somebody has answered, by id. */
    public List<String> scoredChannels(String platform, String community) {
        return jdbc.sql("""
                        SELECT DISTINCT channel FROM quiz_round
                        WHERE platform = ? AND community = ? AND answer_count > 0
                        ORDER BY channel""")
                .params(platform, community).query(String.class).list();
    }

    private WindowedBoard board(ChannelRef where, Optional<Caller> caller, Scope scope, Period period) {
        String communityKey = RoundService.communityKey(where);
        ZoneId zone = zones.zone(communityKey);
        Span span = Span.of(period);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate start = span.start(today);
        Views.Leaderboard board = switch (scope) {
            case CHANNEL -> players(caller, where.key(), communityKey, scope, period, zone, span, start);
            case SERVER -> players(caller, communityKey, communityKey, scope, period, zone, span, start);
            case TEAM -> teams(caller, communityKey, period, zone, span, start);
        };
        Optional<Window> window = switch (span) {
            case DAY -> Optional.of(new Window(start, start));
            case WEEK -> Optional.of(new Window(start, start.plusDays(6)));
            case MONTH -> Optional.of(new Window(start, start.plusMonths(1).minusDays(1)));
            case ALL -> Optional.empty();
        };
        return new WindowedBoard(board, window);
    }

    private Views.Leaderboard players(Optional<Caller> caller, String scopeKey, String communityKey, Scope scope, Period period,
                                      ZoneId zone, Span span, LocalDate start) {
        record Row(String userId, String name, long points, int answers, int correct) {
        }
        List<Row> top = jdbc.sql(TOP_ROWS)
                .params(communityKey, scopeKey, span.name(), start, TOP)
                .query(Row.class).list().stream()
                .sorted(Comparator.comparingLong(Row::points).reversed().thenComparing(Row::name))
                .toList();
        List<Views.LeaderboardRow> rows = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Row r = top.get(i);
            int rank = i > 0 && top.get(i - 1).points() == r.points() ? rows.get(i - 1).rank() : i + 1;
            rows.add(new Views.LeaderboardRow(rank, r.userId(), r.name(), r.points(), r.answers(), r.correct()));
        }
        if (caller.isEmpty()) {
            return new Views.Leaderboard(scope, period, zone.getId(), rows, Optional.empty());
        }
        Caller me = caller.get();
        Optional<Views.LeaderboardRow> own = rows.stream().filter(r -> r.id().equals(me.userId())).findFirst();
        if (own.isEmpty()) {
            own = jdbc.sql("""
                            SELECT b.points, b.answers, b.correct,
                                (SELECT COUNT(*) FROM score_bucket o
                                 WHERE o.scope_key = b.scope_key AND o.span = b.span AND o.span_start = b.span_start
                                   AND o.points > b.points) AS ahead
                            FROM score_bucket b
                            WHERE b.scope_key = ? AND b.span = ? AND b.span_start = ? AND b.user_id = ?""")
                    .params(scopeKey, span.name(), start, me.userId())
                    .query((rs, n) -> new Views.LeaderboardRow(rs.getInt("ahead") + 1, me.userId(),
                            me.displayName(), rs.getLong("points"), rs.getInt("answers"), rs.getInt("correct")))
                    .optional();
        }
        return new Views.Leaderboard(scope, period, zone.getId(), rows, own);
    }

    /** One team's standing in a window. */
    public record TeamStanding(long teamId, String name, int members, int active, long points, int answers,
                               int correct) {
        /** Mean points per active member, to one decimal; 0 for a team nobody scored for. */
        public double meanPoints() {
            return active == 0 ? 0 : Math.round(points * 10.0 / active) / 10.0;
        }
    }

    /** Every team of the community with its standing in the window, best first. */
    public List<TeamStanding> teamStandings(String communityKey, Period period) {
        ZoneId zone = zones.zone(communityKey);
        Span span = Span.of(period);
        return teamStandings(communityKey, span, span.start(LocalDate.now(clock.withZone(zone))));
    }

    private List<TeamStanding> teamStandings(String communityKey, Span span, LocalDate start) {
        record Sums(long teamId, int active, long points, int answers, int correct) {
        }
        Map<Long, Sums> sums = jdbc.sql("""
                        SELECT m.team_id, COUNT(*) AS active, SUM(b.points) AS points, SUM(b.answers) AS answers,
                            SUM(b.correct) AS correct
                        FROM team_member m
                        JOIN score_bucket b ON b.scope_key = ? AND b.span = ? AND b.span_start = ? AND b.user_id = m.user_id
                        WHERE m.community_key = ?
                        GROUP BY m.team_id""")
                .params(communityKey, span.name(), start, communityKey)
                .query(Sums.class).list().stream().collect(Collectors.toMap(Sums::teamId, Function.identity()));
        return teams.list(communityKey).stream()
                .map(t -> {
                    Sums s = sums.getOrDefault(t.id(), new Sums(t.id(), 0, 0, 0, 0));
                    return new TeamStanding(t.id(), t.name(), t.members(), s.active(), s.points(), s.answers(), s.correct());
                })
                .sorted(Comparator.comparingDouble(TeamStanding::meanPoints).reversed()
                        .thenComparing(TeamStanding::name))
                .toList();
    }

    private Views.Leaderboard teams(Optional<Caller> caller, String communityKey, Period period, ZoneId zone, Span span,
                                    LocalDate start) {
        List<TeamStanding> standings = teamStandings(communityKey, span, start);
        List<Views.LeaderboardRow> all = new ArrayList<>();
        for (int i = 0; i < standings.size(); i++) {
            TeamStanding t = standings.get(i);
            int rank = i > 0 && standings.get(i - 1).meanPoints() == t.meanPoints() ? all.get(i - 1).rank() : i + 1;
            all.add(new Views.LeaderboardRow(rank, t.name(), t.name(), t.meanPoints(), t.answers(), t.correct()));
        }
        Optional<String> callersTeam = caller.flatMap(c -> teams.teamOf(communityKey, c.userId()))
                .map(TeamService.Team::name);
        Optional<Views.LeaderboardRow> own = callersTeam.flatMap(name -> all.stream()
                .filter(r -> r.id().equals(name)).findFirst());
        return new Views.Leaderboard(Scope.TEAM, period, zone.getId(), all.stream().limit(TOP).toList(), own);
    }
}
