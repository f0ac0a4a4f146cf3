package dev.quizbot.history;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.quizbot.grading.Verdict;
import dev.quizbot.round.Sql;
import dev.quizbot.scoring.CommunityZones;
import dev.quizbot.scoring.Players;
import dev.quizbot.team.TeamService;

/**
 * A player's or a team's record over time in one community: answers, accuracy and points per
 * week in the community's timezone, every topic they answered in, and their latest rounds with
 * the reveals. A team's record is its current members' answers added up.
 */
@Service
public class PlayerHistory {

    /** The longest chart: a year of weeks. */
    public static final int MAX_WEEKS = 53;
    public static final int RECENT_ROUNDS = 10;

    /**
     * The answers the web may count: those of closed rounds. Points reach the leaderboards only
     * at the close, and a page counting open rounds would tell anyone how a player's answer
     * was graded before the reveal. Followed by more {@code AND} conditions.
     */
    private static final String SETTLED = " FROM answer a JOIN quiz_round r ON r.id = a.round_id"
            + " WHERE r.closed_at IS NOT NULL ";

    private final JdbcClient jdbc;
    private final TeamService teams;
    private final CommunityZones zones;
    private final RoundHistory rounds;
    private final Clock clock;

    PlayerHistory(JdbcClient jdbc, TeamService teams, CommunityZones zones, RoundHistory rounds,
                  Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.zones = zones;
        this.rounds = rounds;
        this.clock = clock;
    }

    /**
     * @param weeks    one point per week, the oldest first and the current week last
     * @param topics   all-time, best accuracy first
     * @param recent   the latest revealed rounds, newest first
     */
    public record Record(String name, int answers, int correct, long points, List<WeekPoint> weeks,
                         List<TopicRecord> topics, List<PlayedRound> recent) {
    }

    /** A member of a team with their all-time numbers in the community. */
    public record Member(String name, int answers, int correct, long points) {
    }

    public record TeamRecord(Record record, List<Member> members) {
    }

    /** A player by display name (case-insensitive); empty when nobody of that name has answered here. */
    public Optional<Record> player(String communityKey, String name, int weeks) {
        // by name only: the web never takes or shows user ids
        return jdbc.sql("""
                        SELECT user_id, display_name FROM player WHERE community_key = ? AND name_key = ?
                        ORDER BY user_id LIMIT 1""")
                .params(communityKey, name.strip().toLowerCase(Locale.ROOT)).query(Players.Player.class).optional()
                .map(p -> record(communityKey, p.displayName(), List.of(p.userId()), weeks));
    }

    /** A team by name (case-insensitive, spaces as typed in chat); empty when there is none. */
    public Optional<TeamRecord> team(String communityKey, String name, int weeks) {
        String wanted = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return teams.list(communityKey).stream()
                .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .map(t -> {
                    record Row(String userId, String name, int answers, int correct, long points) {
                    }
                    List<Row> members = jdbc.sql("""
                                    SELECT m.user_id, COALESCE(p.display_name, '') AS name,
                                        (SELECT COUNT(*)""" + SETTLED + """
                                         AND a.community_key = m.community_key AND a.user_id = m.user_id) AS answers,
                                        (SELECT COUNT(*)""" + SETTLED + """
                                         AND a.community_key = m.community_key
                                         AND a.user_id = m.user_id AND a.verdict = 'CORRECT') AS correct,
                                        (SELECT COALESCE(SUM(a.points), 0)""" + SETTLED + """
                                         AND a.community_key = m.community_key AND a.user_id = m.user_id) AS points
                                    FROM team_member m
                                    LEFT JOIN player p ON p.community_key = m.community_key AND p.user_id = m.user_id
                                    WHERE m.community_key = ? AND m.team_id = ?""")
                            .params(communityKey, t.id()).query(Row.class).list();
                    Record record = record(communityKey, t.name(), members.stream().map(Row::userId).toList(), weeks);
                    return new TeamRecord(record, members.stream()
                            .map(m -> new Member(m.name(), m.answers(), m.correct(), m.points()))
                            .sorted(Comparator.comparingLong(Member::points).reversed().thenComparing(Member::name))
                            .toList());
                });
    }

    private Record record(String communityKey, String name, List<String> userIds, int weeks) {
        if (userIds.isEmpty()) {
            return new Record(name, 0, 0, 0, weekly(communityKey, userIds, weeks), List.of(), List.of());
        }
        List<TopicRecord> topics = jdbc.sql("""
                        SELECT a.topic AS topic, COUNT(*) AS answers,
                            SUM(CASE WHEN a.verdict = 'CORRECT' THEN 1 ELSE 0 END) AS correct,
                            COALESCE(SUM(a.points), 0) AS points""" + SETTLED + """
                        AND a.community_key = :community AND a.user_id IN (:users) GROUP BY a.topic""")
                .param("community", communityKey).param("users", userIds)
                .query(TopicRecord.class).list().stream()
                .sorted(Comparator.comparingDouble(TopicRecord::accuracy).reversed()
                        .thenComparing(Comparator.comparingInt(TopicRecord::answers).reversed())
                        .thenComparing(TopicRecord::topic))
                .toList();
        int answers = topics.stream().mapToInt(TopicRecord::answers).sum();
        int correct = topics.stream().mapToInt(TopicRecord::correct).sum();
        long points = topics.stream().mapToLong(TopicRecord::points).sum();
        return new Record(name, answers, correct, points, weekly(communityKey, userIds, weeks), topics,
                recent(communityKey, userIds));
    }

    private List<WeekPoint> weekly(String communityKey, List<String> userIds, int weeks) {
        int count = Math.clamp(weeks, 1, MAX_WEEKS);
        ZoneId zone = zones.zone(communityKey);
        LocalDate thisWeek = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(count - 1L);
        Map<LocalDate, int[]> counts = new LinkedHashMap<>();
        Map<LocalDate, Long> points = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            counts.put(first.plusWeeks(i), new int[2]);
            points.put(first.plusWeeks(i), 0L);
        }
        if (!userIds.isEmpty()) {
            record Row(Instant at, boolean correct, int points) {
            }
            List<Row> rows = jdbc.sql("""
                            SELECT a.answered_at AS answered_at, a.verdict AS verdict, a.points AS points""" + SETTLED + """
                            AND a.community_key = :community AND a.user_id IN (:users) AND a.answered_at >= :from""")
                    .param("community", communityKey).param("users", userIds)
                    .param("from", Sql.ts(first.atStartOfDay(zone).toInstant()))
                    .query((rs, n) -> new Row(Sql.instant(rs, "answered_at"),
                            Verdict.CORRECT.name().equals(rs.getString("verdict")), rs.getInt("points")))
                    .list();
            for (Row row : rows) {
                LocalDate week = LocalDate.ofInstant(row.at(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                int[] c = counts.get(week);
                if (c != null) { // answers stamped after now (a clock set back) stay out of the chart
                    c[0]++;
                    c[1] += row.correct() ? 1 : 0;
                    points.merge(week, (long) row.points(), Long::sum);
                }
            }
        }
        List<WeekPoint> series = new ArrayList<>(count);
        counts.forEach((week, c) -> series.add(new WeekPoint(week, c[0], c[1], points.get(week))));
        return series;
    }

    private List<PlayedRound> recent(String communityKey, List<String> userIds) {
        List<Long> roundIds = jdbc.sql("""
                        SELECT r.id, r.closed_at FROM quiz_round r
                        WHERE r.closed_at IS NOT NULL AND r.undelivered IS NULL
                          AND r.id IN (SELECT a.round_id FROM answer a
                                       WHERE a.community_key = :community AND a.user_id IN (:users))
                        ORDER BY r.closed_at DESC, r.id DESC
                        LIMIT :limit""")
                .param("community", communityKey).param("users", userIds).param("limit", RECENT_ROUNDS)
                .query((rs, n) -> rs.getLong("id")).list();
        if (roundIds.isEmpty()) {
            return List.of();
        }
        record Row(long roundId, String name, String verdict, int score, int points) {
        }
        List<Row> results = jdbc.sql("""
                        SELECT a.round_id, COALESCE(p.display_name, '') AS name, a.verdict, a.score, a.points
                        FROM answer a LEFT JOIN player p ON p.community_key = a.community_key AND p.user_id = a.user_id
                        WHERE a.round_id IN (:rounds) AND a.user_id IN (:users)
                        ORDER BY a.points DESC""")
                .param("rounds", roundIds).param("users", userIds)
                .query(Row.class).list();
        return rounds.reveals(roundIds).stream()
                .map(reveal -> new PlayedRound(reveal, results.stream()
                        .filter(r -> r.roundId() == reveal.roundId())
                        .map(r -> new PlayedRound.Result(r.name(), Verdict.valueOf(r.verdict()).label(), r.score(),
                                r.points()))
                        .toList()))
                .toList();
    }
}
