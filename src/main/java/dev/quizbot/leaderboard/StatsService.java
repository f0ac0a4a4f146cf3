package dev.quizbot.leaderboard;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.quizbot.chat.Caller;
import dev.quizbot.chat.Views;
import dev.quizbot.round.RoundService;
import dev.quizbot.scoring.Players;

/**
 * A player's record in a community: answers, accuracy, points, streaks, and the topics they
 * are strongest and weakest in (accuracy = share of answers graded correct).
 */
@Service
public class StatsService {

    static final int TOPICS_SHOWN = 3;
    /** A topic needs this many answers before it counts as a strength or a weak spot. */
    static final int MIN_ANSWERS_PER_TOPIC = 1;

    private final JdbcClient jdbc;
    private final Players players;
    private final RoundService rounds;

    StatsService(JdbcClient jdbc, Players players, RoundService rounds) {
        this.jdbc = jdbc;
        this.players = players;
        this.rounds = rounds;
    }

    /** Stats for the caller, or for the user named; empty when that user has not played here. */
    public Optional<Views.Stats> stats(Caller caller, Optional<String> user) {
        String communityKey = RoundService.communityKey(caller.channel());
        Players.Player player;
        if (user.isEmpty()) {
            player = new Players.Player(caller.userId(), caller.displayName());
        } else {
            Optional<Players.Player> found = players.find(communityKey, user.get());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            player = found.get();
        }
        // Answers to rounds still open count only in a player's own stats (marked pending):
        // anyone else would read the grade off them before the reveal.
        boolean own = player.userId().equals(caller.userId());
        String visible = " FROM answer a JOIN quiz_round r ON r.id = a.round_id"
                + " WHERE a.community_key = ? AND a.user_id = ? AND (r.open_channel_key IS NULL OR ?)";
        record TopicRow(String topic, int answers, int correct) {
        }
        List<TopicRow> topics = jdbc.sql("SELECT a.topic AS topic, COUNT(*) AS answers,"
                        + " SUM(CASE WHEN a.verdict = 'CORRECT' THEN 1 ELSE 0 END) AS correct" + visible
                        + " GROUP BY a.topic")
                .params(communityKey, player.userId(), own).query(TopicRow.class).list();
        int answers = topics.stream().mapToInt(TopicRow::answers).sum();
        int correct = topics.stream().mapToInt(TopicRow::correct).sum();
        long points = jdbc.sql("SELECT COALESCE(SUM(a.points), 0)" + visible)
                .params(communityKey, player.userId(), own).query(Long.class).single();
        int best = jdbc.sql("SELECT COALESCE(MAX(a.streak), 0)" + visible)
                .params(communityKey, player.userId(), own).query(Integer.class).single();
        int pending = own ? jdbc.sql("SELECT COUNT(*)" + visible + " AND r.open_channel_key IS NOT NULL")
                .params(communityKey, player.userId(), own).query(Integer.class).single() : 0;
        int streak = own ? rounds.currentStreak(caller.channel(), player.userId())
                : rounds.settledStreak(caller.channel(), player.userId());
        List<Views.TopicStrength> strengths = topics.stream()
                .filter(t -> t.answers() >= MIN_ANSWERS_PER_TOPIC)
                .map(t -> new Views.TopicStrength(t.topic(), t.answers(), accuracy(t.correct(), t.answers())))
                .toList();
        Comparator<Views.TopicStrength> byAccuracy = Comparator.comparingDouble(Views.TopicStrength::accuracy)
                .thenComparingInt(Views.TopicStrength::answers);
        List<Views.TopicStrength> strong = strengths.stream().filter(t -> t.accuracy() >= 0.5)
                .sorted(byAccuracy.reversed().thenComparing(Views.TopicStrength::topic)).limit(TOPICS_SHOWN).toList();
        List<Views.TopicStrength> weak = strengths.stream().filter(t -> t.accuracy() < 0.5)
                .sorted(Comparator.comparingDouble(Views.TopicStrength::accuracy)
                        .thenComparing(Comparator.comparingInt(Views.TopicStrength::answers).reversed())
                        .thenComparing(Views.TopicStrength::topic))
                .limit(TOPICS_SHOWN).toList();
        String name = user.isEmpty() ? caller.displayName() : player.displayName();
        return Optional.of(new Views.Stats(player.userId(), name, answers, correct, accuracy(correct, answers),
                points, Math.max(streak, 0), Math.max(best, streak), strong, weak, pending));
    }

    private static double accuracy(int correct, int answers) {
        return answers == 0 ? 0 : (double) correct / answers;
    }
}
