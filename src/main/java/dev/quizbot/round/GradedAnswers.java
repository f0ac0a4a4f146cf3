package dev.quizbot.round;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.quizbot.chat.ChannelRef;
import dev.quizbot.grading.Grade;
import dev.quizbot.grading.Verdict;
import dev.quizbot.scoring.CommunityZones;
import dev.quizbot.scoring.ScoreBuckets;
import dev.quizbot.scoring.ScoringRules;

/**
 * Stored answers as features outside the round machinery see them (appeals, review), and the
 * one way to change a grade after the fact: {@link #regrade} recomputes points, streaks and
 * board totals with the same rules that filed them ({@link ScoringRules}).
 */
@Service
public class GradedAnswers {

    private final AnswerRepository answers;
    private final RoundRepository rounds;
    private final ScoreBuckets scores;
    private final CommunityZones zones;

    GradedAnswers(AnswerRepository answers, RoundRepository rounds, ScoreBuckets scores, CommunityZones zones) {
        this.answers = answers;
        this.rounds = rounds;
        this.scores = scores;
        this.zones = zones;
    }

    /** A stored answer and its round; {@code verdict} is empty while it waits for its grade. */
    public record Answer(long id, Round round, String userId, String text, Instant answeredAt,
                         Optional<Verdict> verdict, int score, int points) {
    }

    public Optional<Answer> find(long answerId) {
        return answers.row(answerId).flatMap(this::answer);
    }

    public Optional<Answer> of(long roundId, String userId) {
        return answers.row(roundId, userId).flatMap(this::answer);
    }

    /** The user's latest answer in the channel. */
    public Optional<Answer> latest(ChannelRef channel, String userId) {
        return answers.latest(channel.key(), userId).flatMap(this::answer);
    }

    private Optional<Answer> answer(AnswerRepository.Row row) {
        return rounds.find(row.roundId()).map(round -> new Answer(row.id(), round, row.userId(), row.text(),
                row.answeredAt(), Optional.ofNullable(row.verdict()).map(Verdict::valueOf), row.score(), row.points()));
    }

    /**
     * What a regrade did to one answer; {@code pointsDelta} is the user's whole change, streak
     * bonuses of their later scheduled rounds included.
     */
    public record Regrade(long answerId, long roundId, String userId, ChannelRef channel,
                          Optional<Verdict> verdictBefore, int scoreBefore, int pointsBefore,
                          Verdict verdictAfter, int scoreAfter, int pointsAfter, int pointsDelta) {
        public boolean changed() {
            return verdictBefore.map(v -> v != verdictAfter).orElse(true) || scoreBefore != scoreAfter
                    || pointsDelta != 0;
        }
    }

    /**
     * Gives a stored answer a new grade. Its points are recomputed (difficulty multiplier,
     * streak bonus); on a scheduled round the user's run is walked again, so the streaks and
     * bonuses of their later scheduled rounds in the channel follow; every total that already
     * reached the boards (rounds closed and settled) moves by the difference. Joins the
     * caller's transaction: the whole change commits or none of it.
     */
    public Regrade regrade(long answerId, Verdict verdict, int score) {
        AnswerRepository.Row row = answers.row(answerId)
                .orElseThrow(() -> new IllegalArgumentException("no answer " + answerId));
        Round round = rounds.find(row.roundId()).orElseThrow();
        ZoneId zone = zones.zone(row.communityKey());
        Optional<Verdict> before = Optional.ofNullable(row.verdict()).map(Verdict::valueOf);
        if (!round.scheduled()) {
            ScoringRules.Award award = ScoringRules.award(grade(verdict, score), round.difficulty(), false, 0);
            answers.regrade(answerId, verdict, score, award.points(), award.streak());
            settleDifference(round, row, award.points() - row.points(),
                    correct(verdict) - correct(before.orElse(null)), zone);
            return new Regrade(answerId, round.id(), row.userId(), round.channel(), before, row.score(), row.points(),
                    verdict, score, award.points(), award.points() - row.points());
        }
        // Walk the user's scheduled rounds oldest first with the same rule as the streak
        // query: a correct answer extends the run, an open round not yet answered right
        // leaves it, anything else ends it.
        int run = 0;
        boolean reached = false;
        int delta = 0;
        int pointsAfter = 0;
        for (AnswerRepository.StreakStep step : answers.streakSteps(row.channelKey(), row.userId())) {
            Optional<AnswerRepository.Row> a = step.answer();
            boolean target = step.roundId() == round.id();
            reached |= target;
            Verdict v = target ? verdict : a.map(AnswerRepository.Row::verdict).map(Verdict::valueOf).orElse(null);
            if (reached && a.isPresent() && v != null) {
                int s = target ? score : a.get().score();
                ScoringRules.Award award = ScoringRules.award(grade(v, s), difficultyOf(step.roundId(), round), true, run);
                if (target || award.points() != a.get().points() || award.streak() != a.get().streak()) {
                    answers.regrade(a.get().id(), v, s, award.points(), award.streak());
                    int correctDelta = target ? correct(v) - correct(before.orElse(null)) : 0;
                    Round of = target ? round : rounds.find(step.roundId()).orElseThrow();
                    settleDifference(of, a.get(), award.points() - a.get().points(), correctDelta, zone);
                    delta += award.points() - a.get().points();
                }
                if (target) {
                    pointsAfter = award.points();
                }
            }
            if (v == Verdict.CORRECT) {
                run++;
            } else if (!step.open()) {
                run = 0;
            }
        }
        if (!reached) {
            // a withdrawn round (its question was never seen) is outside every run: no bonus, no streak
            ScoringRules.Award award = ScoringRules.award(grade(verdict, score), round.difficulty(), false, 0);
            answers.regrade(answerId, verdict, score, award.points(), 0);
            settleDifference(round, row, award.points() - row.points(), correct(verdict) - correct(before.orElse(null)), zone);
            pointsAfter = award.points();
            delta = award.points() - row.points();
        }
        return new Regrade(answerId, round.id(), row.userId(), round.channel(), before, row.score(), row.points(),
                verdict, score, pointsAfter, delta);
    }

    private dev.quizbot.bank.Difficulty difficultyOf(long roundId, Round known) {
        return roundId == known.id() ? known.difficulty() : rounds.find(roundId).orElseThrow().difficulty();
    }

    /** Only a settled round's points are on the boards; an open round's reach them at its close. */
    private void settleDifference(Round round, AnswerRepository.Row row, int pointsDelta, int correctDelta, ZoneId zone) {
        // Whether the close has settled the round is read under the round's lock: a close running
        // now either finished (and the difference goes to the boards here) or reads the new points.
        rounds.lock(round.id());
        boolean settled = rounds.find(round.id()).flatMap(Round::closedAt).isPresent();
        if (settled) {
            scores.adjust(row.communityKey(), row.channelKey(), row.userId(), zone, row.answeredAt(),
                    pointsDelta, correctDelta);
        }
    }

    private static int correct(Verdict verdict) {
        return verdict == Verdict.CORRECT ? 1 : 0;
    }

    private static Grade grade(Verdict verdict, int score) {
        return new Grade(verdict, score, List.of(), List.of(), -1, "", List.of());
    }
}
