package dev.quizbot.round;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.bank.Topic;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Views;
import dev.quizbot.grading.Grade;
import dev.quizbot.grading.Grader;
import dev.quizbot.outbox.Outbox;
import dev.quizbot.scoring.CommunityZones;
import dev.quizbot.scoring.Players;
import dev.quizbot.scoring.ScoreBuckets;
import dev.quizbot.scoring.ScoringRules;

/**
 * Runs rounds: opens them (on demand or for a schedule), takes and grades answers, and closes
 * them with the reveal. Every change is committed before anyone hears of it: announcements
 * are queued in the outbox in the same transaction and delivered once it has committed.
 */
@Service
public class RoundService {

    private static final Logger log = LoggerFactory.getLogger(RoundService.class);
    static final int REVEAL_BEST = 3;
    /** Fits the {@code quiz_round.undelivered} column. */
    private static final int MAX_REASON_LENGTH = 300;

    private final QuestionBankService bank;
    private final Grader grader;
    private final RoundRepository rounds;
    private final AnswerRepository answers;
    private final Players players;
    private final ScoreBuckets scores;
    private final CommunityZones zones;
    private final AnnouncementPublisher announcements;
    private final RoundProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final QuestionPicker picker = new QuestionPicker(RandomGenerator.getDefault());
    private final org.springframework.beans.factory.ObjectProvider<GradeFiledListener> gradeListeners;

    RoundService(QuestionBankService bank, Grader grader, RoundRepository rounds, AnswerRepository answers,
                 Players players, ScoreBuckets scores, CommunityZones zones, AnnouncementPublisher announcements,
                 RoundProperties properties, Clock clock, PlatformTransactionManager transactions, Outbox outbox,
                 org.springframework.beans.factory.ObjectProvider<GradeFiledListener> gradeListeners) {
        this.gradeListeners = gradeListeners;
        this.bank = bank;
        this.grader = grader;
        this.rounds = rounds;
        this.answers = answers;
        this.players = players;
        this.scores = scores;
        this.zones = zones;
        this.announcements = announcements;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.outbox = outbox;
    }

    /**
     * Checks a topic/difficulty filter against the bank: empty when questions match, else the
     * reason (unknown topic or nothing eligible) as an outcome to report.
     */
    public Optional<OpenOutcome> checkFilter(Optional<String> topic, Optional<Difficulty> difficulty) {
        QuestionBank current = bank.bank();
        if (topic.isPresent() && current.topic(topic.get()).isEmpty()) {
            return Optional.of(unknownTopic(current, topic.get()));
        }
        if (QuestionPicker.eligible(current, topic, difficulty).isEmpty()) {
            String what = difficulty.map(d -> d.slug() + " questions").orElse("questions");
            String where = topic.map(t -> " in topic '" + t + "'").orElse(" in the bank");
            Map<Difficulty, Long> counts = current.countsByDifficulty(topic);
            String has = counts.isEmpty() ? "it has no questions yet"
                    : "it has " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().slug())
                    .collect(java.util.stream.Collectors.joining(", "));
            return Optional.of(new OpenOutcome.NoEligibleQuestions("There are no " + what + where + "; " + has + "."));
        }
        return Optional.empty();
    }

    private static OpenOutcome unknownTopic(QuestionBank current, String typed) {
        // "rag impossible": the words before the last name a topic, so the last was meant as a difficulty
        int cut = typed.lastIndexOf(' ');
        if (cut > 0 && current.findTopic(typed.substring(0, cut)).isPresent()
                && current.findTopic(typed.substring(cut + 1)).isEmpty()) {
            String word = typed.substring(cut + 1);
            List<String> names = java.util.Arrays.stream(Difficulty.values()).map(Difficulty::slug).toList();
            return new OpenOutcome.NotADifficulty(word,
                    closest(word.toLowerCase(Locale.ROOT), names).flatMap(Difficulty::parse));
        }
        List<String> known = current.topics().stream().map(Topic::slug).toList();
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        known.forEach(slug -> byKey.put(QuestionBank.topicKey(slug), slug));
        return new OpenOutcome.UnknownTopic(typed, known,
                closest(QuestionBank.topicKey(typed), List.copyOf(byKey.keySet())).map(byKey::get));
    }

    /** Normalises what users type for a topic: slugs are lower case. */
    public static Optional<String> topicSlug(Optional<String> topic) {
        return topic.map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty());
    }

    /**
     * The slug of the topic a person typed, matched ignoring case, spaces and hyphens; what
     * they typed (lower case) when no topic matches, for {@link #checkFilter} to explain.
     */
    public Optional<String> resolveTopic(Optional<String> typed) {
        return topicSlug(typed).map(t -> bank.bank().findTopic(t).map(Topic::slug).orElse(t));
    }

    public OpenOutcome openOnDemand(ChannelRef channel, Optional<String> topic, Optional<Difficulty> difficulty) {
        Optional<String> slug = resolveTopic(topic);
        Optional<OpenOutcome> problem = checkFilter(slug, difficulty);
        if (problem.isPresent()) {
            return problem.get();
        }
        Instant now = clock.instant();
        Optional<Round> open = rounds.openIn(channel);
        if (open.isPresent() && open.get().openAt(now)) {
            return new OpenOutcome.ChannelBusy(open.get());
        }
        try {
            return tx.execute(status -> {
                open.ifPresent(overdue -> closeNow(overdue, now));
                return open(channel, slug, difficulty, Optional.empty(), now, now.plus(properties.onDemand()));
            });
        } catch (DuplicateKeyException raced) {
            // someone opened a round in this channel a moment ago
            return rounds.openIn(channel).<OpenOutcome>map(OpenOutcome.ChannelBusy::new)
                    .orElseThrow(() -> raced);
        }
    }

    /**
     * Opens a schedule's round, closing the channel's open round first (a scheduled post
     * replaces it). Joins the caller's transaction so the slot record and the round commit
     * together.
     */
    public OpenOutcome openScheduled(ChannelRef channel, Optional<String> topic, Optional<Difficulty> difficulty,
                                     long scheduleId, Instant closesAt) {
        Optional<OpenOutcome> problem = checkFilter(topic, difficulty);
        if (problem.isPresent()) {
            return problem.get();
        }
        Instant now = clock.instant();
        Instant deadline = closesAt.isAfter(now.plus(properties.maxScheduled())) ? now.plus(properties.maxScheduled()) : closesAt;
        return tx.execute(status -> {
            rounds.openIn(channel).ifPresent(previous -> closeNow(previous, now));
            return open(channel, topic, difficulty, Optional.of(scheduleId), now, deadline);
        });
    }

    private OpenOutcome open(ChannelRef channel, Optional<String> topic, Optional<Difficulty> difficulty,
                             Optional<Long> scheduleId, Instant now, Instant closesAt) {
        List<Question> eligible = QuestionPicker.eligible(bank.bank(), topic, difficulty);
        Question question = picker.pick(eligible, rounds.timesAsked(channel)).orElseThrow();
        Round round = rounds.insert(channel, question, scheduleId, now, closesAt);
        Views.Question view = view(round);
        announcements.publish(new Announcement.RoundOpened(channel, view, scheduleId.isPresent()));
        log.info("Round {} opened in {}: {} ({}, {}), closes {}", round.id(), channel.key(), question.id(),
                question.topic(), question.difficulty().slug(), closesAt);
        return new OpenOutcome.Opened(round, view);
    }

    public Optional<Round> openRound(ChannelRef channel) {
        return rounds.openIn(channel);
    }

    /** The user's current run of correct answers to the channel's scheduled rounds. */
    public int currentStreak(ChannelRef channel, String userId) {
        return answers.streak(channel.key(), userId, -1);
    }

    /** As {@link #currentStreak}, leaving out rounds still open: what others may see of it. */
    public int settledStreak(ChannelRef channel, String userId) {
        return answers.streak(channel.key(), userId, -1, false);
    }

    /**
     * The questions open right now in a round of the caller's community: their reference
     * answers are still secret there, so private features (practice) hold them back until the
     * reveal.
     */
    public java.util.Set<String> openQuestionIds(ChannelRef channel) {
        return rounds.openQuestionIds(channel.platform(), channel.community());
    }

    public Optional<Round> round(long id) {
        return rounds.find(id);
    }

    /** The round as shown now: close time in the community's zone, and the time left. */
    public Views.Question view(Round round) {
        String topicName = bank.bank().topic(round.topic()).map(Topic::name).orElse(round.topic());
        Duration left = Duration.between(clock.instant(), round.closesAt());
        return new Views.Question(round.id(), round.questionId(), round.topic(), topicName, round.difficulty(),
                round.questionText(), round.closesAt(), round.answerCount(), zone(round),
                left.isNegative() ? Duration.ZERO : left);
    }

    /** The timezone of the round's community, in which its times are shown. */
    public String zone(Round round) {
        return zones.zone(communityKey(round.channel())).getId();
    }

    public AnswerOutcome answer(Caller caller, Optional<Long> roundId, String text) {
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty()) {
            return new AnswerOutcome.Empty();
        }
        if (answer.length() > Grader.MAX_ANSWER_LENGTH) {
            return new AnswerOutcome.TooLong(answer.length(), Grader.MAX_ANSWER_LENGTH);
        }
        // A round of another channel or community is refused exactly like an unknown one, so
        // ids tell nobody what goes on elsewhere.
        Optional<Round> found = roundId.isPresent()
                ? rounds.find(roundId.get()).filter(r -> r.channel().equals(caller.channel()))
                : rounds.openIn(caller.channel());
        if (found.isEmpty()) {
            return roundId.<AnswerOutcome>map(AnswerOutcome.UnknownRound::new).orElseGet(AnswerOutcome.NoOpenRound::new);
        }
        Round round = found.get();
        if (!round.openAt(clock.instant())) {
            return new AnswerOutcome.AlreadyClosed(round);
        }
        if (answers.exists(round.id(), caller.userId())) {
            return new AnswerOutcome.AlreadyAnswered(round);
        }
        Optional<Question> question = bank.bank().question(round.questionId());
        if (question.isEmpty()) {
            return new AnswerOutcome.QuestionGone(round);
        }
        // Stored and committed before grading: an answer the player hears was taken survives a
        // crash during grading, and the start-up pass grades it then.
        Optional<AnswerRepository.Stored> stored;
        try {
            stored = tx.execute(status -> storeUngraded(caller, round, answer));
        } catch (DuplicateKeyException twice) {
            return new AnswerOutcome.AlreadyAnswered(round);
        }
        if (stored.isEmpty()) {
            return new AnswerOutcome.AlreadyClosed(rounds.find(round.id()).orElse(round));
        }
        Grade grade = grader.grade(question.get(), answer);
        Views.Feedback feedback = tx.execute(status -> fileGrade(round, stored.get(), question, grade).feedback());
        return new AnswerOutcome.Graded(round, feedback);
    }

    private Optional<AnswerRepository.Stored> storeUngraded(Caller caller, Round round, String text) {
        Instant now = clock.instant();
        if (!rounds.countAnswer(round.id(), now)) {
            return Optional.empty();
        }
        ChannelRef channel = round.channel();
        String communityKey = communityKey(channel);
        AnswerRepository.Stored stored = answers.insertUngraded(round.id(), communityKey, channel.key(),
                caller.userId(), round.topic(), now, text);
        players.remember(communityKey, caller.userId(), caller.displayName());
        int count = answers.answerCount(round.id());
        announcements.publish(new Announcement.AnswerCountChanged(channel, round.id(), count));
        return Optional.of(stored);
    }

    /** A grade filed for a stored answer; {@code counted} is false when someone else filed it first. */
    private record Filed(Views.Feedback feedback, boolean counted) {
    }

    /**
     * Files the grade (and the points it earns) on a stored answer, once: when another
     * instance's start-up pass or the reveal graded it first, this one is dropped. The points
     * reach the leaderboards only when the round closes ({@link #settle}): until then the board
     * must not tell anyone how a rival's answer was graded.
     */
    private Filed fileGrade(Round round, AnswerRepository.Stored stored, Optional<Question> question, Grade grade) {
        ChannelRef channel = round.channel();
        int streakBefore = round.scheduled() ? answers.streak(channel.key(), stored.userId(), round.id()) : 0;
        ScoringRules.Award award = ScoringRules.award(grade, round.difficulty(), round.scheduled(), streakBefore);
        boolean counted = answers.grade(stored.id(), grade.verdict(), grade.score(), award.points(), award.streak());
        if (counted) {
            GradeFiledListener.Filed filed = new GradeFiledListener.Filed(stored.id(), round, stored.userId(), grade);
            gradeListeners.orderedStream().forEach(listener -> listener.filed(filed));
        }
        if (counted && question.isPresent()) {
            announcements.publishAfterCommit(new AnswerGraded(channel, stored.userId(), question.get(),
                    stored.text(), grade, stored.answeredAt()));
        }
        List<String> notes = new ArrayList<>(grade.notes());
        if (award.bonusPercent() > 0) {
            notes.add("Streak of " + award.streak() + " scheduled rounds: +" + award.bonusPercent() + "% bonus.");
        }
        return new Filed(new Views.Feedback(round.id(), grade.verdict(), grade.score(), award.points(),
                grade.conceptsFound(), grade.conceptsMissed(), grade.explanation(), notes), counted);
    }

    /**
     * Grades every answer that was stored but never graded (the process died between the two
     * commits) and tells each player privately. Run at start-up; safe on several instances at
     * once, since a grade is filed only where none is yet.
     */
    public int gradeUngraded() {
        int graded = 0;
        for (AnswerRepository.Stored stored : answers.ungraded()) {
            Optional<Round> round = rounds.find(stored.roundId());
            if (round.isPresent() && Boolean.TRUE.equals(tx.execute(status -> gradeLate(round.get(), stored)))) {
                graded++;
            }
        }
        if (graded > 0) {
            log.info("Graded {} answers that were stored but not graded before a restart", graded);
        }
        return graded;
    }

    private boolean gradeLate(Round round, AnswerRepository.Stored stored) {
        Optional<Question> question = bank.bank().question(round.questionId());
        Grade grade = question
                .map(q -> grader.grade(q, stored.text()))
                .orElseGet(() -> new Grade(dev.quizbot.grading.Verdict.INCORRECT, 0, List.of(), List.of(), -1,
                        "The question was removed from the bank before your answer could be graded.", List.of()));
        Filed filed = fileGrade(round, stored, question, grade);
        if (filed.counted()) {
            announcements.publish(new Announcement.LateGrade(round.channel(), stored.userId(), filed.feedback()));
        }
        return filed.counted();
    }

    /** Rounds at least this long get a last-call notice... */
    static final Duration NOTICE_FOR_ROUNDS_OVER = Duration.ofMinutes(5);
    /** ...this long before they close. */
    static final Duration NOTICE_BEFORE_CLOSE = Duration.ofMinutes(1);

    /**
     * Announces "closing in 1 minute" once for each open round longer than five minutes that
     * is within a minute of its close; shorter rounds are short enough to keep an eye on.
     */
    public int announceClosingSoon() {
        Instant now = clock.instant();
        int announced = 0;
        for (Round round : rounds.closingBy(now, now.plus(NOTICE_BEFORE_CLOSE))) {
            if (Duration.between(round.openedAt(), round.closesAt()).compareTo(NOTICE_FOR_ROUNDS_OVER) <= 0) {
                continue;
            }
            // the claim and the queued notice commit together: a crash between them loses neither
            if (Boolean.TRUE.equals(tx.execute(status -> {
                if (!rounds.claimClosingNotice(round.id(), now)) {
                    return false;
                }
                announcements.publish(new Announcement.ClosingSoon(round.channel(), view(round)));
                return true;
            }))) {
                announced++;
            }
        }
        return announced;
    }

    /** Closes every round past its deadline; safe to call from several threads or instances. */
    public int closeDue() {
        Instant now = clock.instant();
        int closed = 0;
        for (Round round : rounds.due(now)) {
            Boolean done = tx.execute(status -> closeNow(round, now));
            if (Boolean.TRUE.equals(done)) {
                closed++;
            }
        }
        return closed;
    }

    private boolean closeNow(Round round, Instant now) {
        if (!rounds.close(round.id(), now)) {
            return false;
        }
        // An answer left ungraded by a crash counts in the reveal and on the boards like any other.
        gradeAndSettle(round);
        String communityKey = communityKey(round.channel());
        // The mistake comes from the bank in use at the close: a round outlives bank reloads, and a
        // question since removed simply has none to show.
        Optional<String> commonMistake = bank.bank().question(round.questionId())
                .flatMap(Question::commonMistake);
        Views.Reveal reveal = new Views.Reveal(round.id(), round.questionText(), round.referenceAnswer(),
                answers.answerCount(round.id()), answers.correctCount(round.id()),
                answers.best(round.id(), communityKey, REVEAL_BEST), commonMistake);
        announcements.publish(new Announcement.RoundClosed(round.channel(), reveal));
        log.info("Round {} closed in {}: {} answered, {} correct", round.id(), round.channel().key(),
                reveal.answered(), reveal.correct());
        return true;
    }

    /**
     * Grades what a crash left ungraded (telling each player privately), then settles: the
     * points of every answer reach the boards once, graded.
     */
    private void gradeAndSettle(Round round) {
        answers.ungraded(round.id()).forEach(stored -> gradeLate(round, stored));
        settle(round);
    }

    /**
     * Files the points of a round that just closed into the leaderboard totals, each under the
     * period it was answered in. Runs in the closing transaction, once: only the caller that
     * closed the round gets here.
     */
    private void settle(Round round) {
        String communityKey = communityKey(round.channel());
        ZoneId zone = zones.zone(communityKey);
        for (AnswerRepository.Settled a : answers.ofRound(round.id())) {
            scores.add(communityKey, round.channel().key(), a.userId(), zone, a.answeredAt(), a.points(), a.correct());
        }
    }

    /**
     * Takes back a round whose question post an adapter could not deliver: closes it if still
     * open, without a reveal (the channel never saw the question), and keeps it out of the
     * rotation and of streaks. Answers already stored stay. Empty when the round is unknown,
     * belongs to another channel, or was already withdrawn; else the round as it was.
     * Joins the caller's transaction.
     */
    public Optional<Round> withdrawUndelivered(long roundId, ChannelRef channel, String reason) {
        Optional<Round> round = rounds.find(roundId).filter(r -> r.channel().equals(channel));
        if (round.isEmpty()) {
            log.warn("Delivery failure reported for round {} in {}, which is not a round of that channel; ignored",
                    roundId, channel.key());
            return Optional.empty();
        }
        String clipped = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        Instant now = clock.instant();
        if (rounds.close(roundId, now)) {
            // answers already taken keep their points, as they would at a normal close
            gradeAndSettle(round.get());
        }
        if (!rounds.markUndelivered(roundId, clipped, now)) {
            return Optional.empty();
        }
        // nobody saw the question: no count edit, last call or reveal may follow it
        outbox.cancelRound(roundId);
        log.warn("Round {} in {} withdrawn: its question could not be posted ({})", roundId, channel.key(), clipped);
        return round;
    }

    /** The storage key of a channel's community: "discord:123". */
    public static String communityKey(ChannelRef channel) {
        return channel.platform() + ":" + channel.community();
    }

    /** The candidate closest to what was typed, when it is close enough to be a typo. */
    public static Optional<String> closestName(String wanted, java.util.Collection<String> candidates) {
        return closest(wanted, List.copyOf(candidates));
    }

    static Optional<String> closest(String wanted, List<String> candidates) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return candidates.stream()
                .min(Comparator.comparingInt(c -> distance.apply(wanted, c)))
                .filter(c -> distance.apply(wanted, c) <= Math.max(2, wanted.length() / 3));
    }
}
