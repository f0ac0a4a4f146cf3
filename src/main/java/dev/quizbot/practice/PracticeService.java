package dev.quizbot.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.bank.Topic;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.HelpTexts;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Views;
import dev.quizbot.grading.Grade;
import dev.quizbot.grading.Grader;
import dev.quizbot.round.OpenOutcome;
import dev.quizbot.round.RoundService;
import dev.quizbot.scoring.CommunityZones;

/**
 * Private practice sessions: {@code practice [topic] [difficulty]} opens one, each answer is
 * graded by the same {@link Grader} as channel rounds, rated for FSRS and stored on the
 * player's card, and the next question comes from {@link NextQuestion}. Practice writes only
 * the practice tables, so it never moves a leaderboard.
 */
@Service
public class PracticeService {

    static final String PRACTICE = "PRACTICE";
    static final String CHANNEL = "CHANNEL";
    static final int MISTAKES_SHOWN = 10;
    static final int WEAKEST_SHOWN = 3;
    private static final Logger log = LoggerFactory.getLogger(PracticeService.class);

    private final QuestionBankService bank;
    private final Grader grader;
    private final RoundService rounds;
    private final PracticeRepository repository;
    private final PracticeReminders reminders;
    private final CommunityZones zones;
    private final PracticeProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Fsrs fsrs = new Fsrs();
    private final NextQuestion next = new NextQuestion(RandomGenerator.getDefault());

    PracticeService(QuestionBankService bank, Grader grader, RoundService rounds, PracticeRepository repository,
                    PracticeReminders reminders, CommunityZones zones, PracticeProperties properties, Clock clock,
                    PlatformTransactionManager transactions) {
        this.bank = bank;
        this.grader = grader;
        this.rounds = rounds;
        this.repository = repository;
        this.reminders = reminders;
        this.zones = zones;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    private static String community(Caller caller) {
        return RoundService.communityKey(caller.channel());
    }

    /** Whether the caller has a practice session that has not gone idle: their plain answers go to it. */
    public boolean inSession(Caller caller) {
        return live(caller).isPresent();
    }

    private Optional<Session> live(Caller caller) {
        Instant now = clock.instant();
        return repository.session(community(caller), caller.userId())
                .filter(s -> s.lastActive().plus(properties.idleTimeout()).isAfter(now));
    }

    public Reply start(Caller caller, Optional<String> topic, Optional<Difficulty> difficulty) {
        // the topic matches as it does for `ask`: ignoring case, spaces and hyphens
        Optional<String> slug = rounds.resolveTopic(topic);
        Optional<OpenOutcome> problem = rounds.checkFilter(slug, difficulty);
        if (problem.isPresent()) {
            return new Reply.Refused(switch (problem.get()) {
                case OpenOutcome.UnknownTopic unknown -> "Unknown topic '" + unknown.topic() + "'"
                        + unknown.suggestion().map(s -> " (did you mean " + s + "?)").orElse("")
                        + ". Topics: " + String.join(", ", unknown.known()) + ".";
                case OpenOutcome.NotADifficulty word -> OpenOutcome.notADifficulty(word);
                case OpenOutcome.NoEligibleQuestions none -> none.reason() + " Try another topic or difficulty.";
                default -> "Practice cannot start with that filter.";
            }, HelpTexts.PRACTICE.usage());
        }
        Instant now = clock.instant();
        Session fresh = new Session(caller.channel().key(), slug, difficulty, Optional.empty(), Optional.empty(), now);
        Optional<NextQuestion.Pick> pick = pick(caller, fresh, Optional.empty(), now);
        repository.saveSession(community(caller), caller.userId(), asking(fresh, pick, now));
        String filter = slug.map(t -> " in " + t).orElse("") + difficulty.map(d -> " (" + d.slug() + ")").orElse("");
        return new Reply.Practice(Optional.empty(), pick.map(this::view),
                "Practice started" + filter + ": only you see these questions and grades, and they never count for"
                        + " leaderboards. Answer with `answer <text>`; `practice stop` ends it (it also ends after "
                        + minutes(properties.idleTimeout()) + " minutes idle).");
    }

    public Reply answer(Caller caller, String text) {
        String answer = text == null ? "" : text.strip();
        Optional<Session> found = repository.session(community(caller), caller.userId());
        Instant now = clock.instant();
        if (found.isEmpty()) {
            return new Reply.Refused("You have no practice session. Start one with `practice`.",
                    HelpTexts.PRACTICE.usage());
        }
        Session session = found.get();
        if (!session.lastActive().plus(properties.idleTimeout()).isAfter(now)) {
            repository.deleteSession(community(caller), caller.userId());
            return new Reply.Refused("Your practice session ended after " + minutes(properties.idleTimeout())
                    + " minutes without an answer; nothing was recorded. `practice` starts a new one.",
                    HelpTexts.PRACTICE.usage());
        }
        if (answer.isEmpty()) {
            return new Reply.Refused("Your answer is empty.", HelpTexts.PRACTICE.usage());
        }
        if (answer.length() > Grader.MAX_ANSWER_LENGTH) {
            return new Reply.Refused("Your answer is " + answer.length() + " characters; the limit is "
                    + Grader.MAX_ANSWER_LENGTH + ". Shorten it and send it again (nothing was recorded).",
                    HelpTexts.PRACTICE.usage());
        }
        Optional<Question> question = session.questionId().flatMap(id -> bank.bank().question(id));
        if (question.isEmpty()) {
            // the bank was reloaded without it, or nothing was left to ask: move on
            Optional<NextQuestion.Pick> pick = pick(caller, session, Optional.empty(), now);
            repository.saveSession(community(caller), caller.userId(), asking(session, pick, now));
            return new Reply.Practice(Optional.empty(), pick.map(this::view),
                    "That question is no longer in the bank, so it was not graded. Here is another one.");
        }
        Grade grade = grader.grade(question.get(), answer);
        Optional<Duration> took = session.askedAt().map(asked -> Duration.between(asked, now));
        Rating rating = Ratings.of(grade, took, properties);
        Reply reply = tx.execute(status -> {
            Card card = review(community(caller), caller.userId(), question.get(), grade, rating, PRACTICE, answer, now);
            Optional<NextQuestion.Pick> pick = pick(caller, session, Optional.of(question.get().id()), now);
            repository.saveSession(community(caller), caller.userId(), asking(session, pick, now));
            return new Reply.Practice(Optional.of(result(question.get(), grade, rating, card)), pick.map(this::view),
                    "");
        });
        return reply;
    }

    public Reply stop(Caller caller) {
        boolean had = repository.deleteSession(community(caller), caller.userId());
        return had ? new Reply.Done("Practice stopped. `stats` shows your practice progress; `practice` picks up"
                + " where the schedule says you should.")
                : new Reply.Refused("You have no practice session to stop.", HelpTexts.PRACTICE.usage());
    }

    /**
     * Feeds one graded answer to the player's card and the review log. Joins the caller's
     * transaction. Returns the card as it is now.
     */
    Card review(String communityKey, String userId, Question question, Grade grade, Rating rating, String source,
                String answer, Instant now) {
        Optional<Card> before = repository.card(communityKey, userId, question.id());
        long elapsedDays = before.map(c -> Math.max(0, Duration.between(c.lastReview(), now).toDays())).orElse(0L);
        Fsrs.Memory memory = fsrs.next(before.map(Card::memory).orElse(null), elapsedDays, rating);
        Instant due = rating == Rating.AGAIN ? now.plus(properties.againAfter())
                : now.plus(Duration.ofDays(fsrs.intervalDays(memory.stability())));
        boolean correct = Ratings.correct(grade.verdict());
        Card card = new Card(question.id(), question.topic(), memory.stability(), memory.difficulty(),
                before.map(Card::reviews).orElse(0) + 1, before.map(Card::correct).orElse(0) + (correct ? 1 : 0),
                before.map(Card::lapses).orElse(0) + (rating == Rating.AGAIN && before.isPresent() ? 1 : 0), now, due);
        repository.save(communityKey, userId, card);
        repository.insert(new PracticeRepository.NewReview(communityKey, userId, question.id(), question.topic(),
                source, now, rating, grade.verdict(), grade.score(), answer, question.question(), question.answer()));
        log.debug("Practice card {} for {} in {}: {} -> due {}", question.id(), userId, communityKey, rating, due);
        return card;
    }

    /** {@code stats} for the caller's own practice: reviews done, due by the end of today, retention, weakest topics. */
    public Views.PracticeStats stats(Caller caller) {
        String communityKey = community(caller);
        Instant now = clock.instant();
        List<Card> cards = repository.cards(communityKey, caller.userId());
        ZoneId zone = zones.zone(communityKey);
        Instant endOfDay = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        int dueToday = (int) cards.stream().filter(c -> c.dueAt().isBefore(endOfDay)).count();
        double retention = cards.isEmpty() ? -1 : cards.stream()
                .mapToDouble(c -> fsrs.retrievability(Math.max(0, Duration.between(c.lastReview(), now).toSeconds())
                        / 86_400.0, c.stability()))
                .average().orElse(-1);
        Map<String, List<Card>> byTopic = cards.stream().collect(Collectors.groupingBy(Card::topic));
        List<Views.TopicStrength> weakest = byTopic.entrySet().stream()
                .map(e -> {
                    int reviews = e.getValue().stream().mapToInt(Card::reviews).sum();
                    int correct = e.getValue().stream().mapToInt(Card::correct).sum();
                    return new Views.TopicStrength(e.getKey(), reviews, reviews == 0 ? 0 : (double) correct / reviews);
                })
                .filter(t -> t.accuracy() < 1)
                .sorted(Comparator.comparingDouble(Views.TopicStrength::accuracy)
                        .thenComparing(Comparator.comparingInt(Views.TopicStrength::answers).reversed())
                        .thenComparing(Views.TopicStrength::topic))
                .limit(WEAKEST_SHOWN)
                .toList();
        return new Views.PracticeStats(repository.reviews(communityKey, caller.userId(), PRACTICE), dueToday,
                retention, weakest);
    }

    public Reply mistakes(Caller caller, Optional<String> topic) {
        Optional<String> slug = RoundService.topicSlug(topic);
        if (slug.isPresent() && bank.bank().topic(slug.get()).isEmpty()) {
            List<String> known = bank.bank().topics().stream().map(Topic::slug).toList();
            return new Reply.Refused("Unknown topic '" + slug.get() + "'"
                    + RoundService.closestName(slug.get(), known).map(s -> " (did you mean " + s + "?)").orElse("")
                    + ". Topics: " + String.join(", ", known) + ".", HelpTexts.REVIEW.usage());
        }
        // a channel round still open keeps its reference answer secret, here too, until the reveal
        return new Reply.Mistakes(slug, repository.mistakes(community(caller), caller.userId(), slug,
                rounds.openQuestionIds(caller.channel()), MISTAKES_SHOWN));
    }

    public Reply remind(Caller caller, String time, String zone) {
        return reminders.set(caller, time, zone);
    }

    public Reply remindOff(Caller caller) {
        return reminders.off(caller);
    }

    /** Sends the practice reminders whose time has come (the ticker calls this). */
    public int sendDueReminders() {
        return reminders.fireDue();
    }

    /** Ends sessions idle past the timeout (the ticker calls this; an answer checks for itself too). */
    public int endIdleSessions() {
        return repository.deleteIdleSessions(clock.instant().minus(properties.idleTimeout()));
    }

    private Optional<NextQuestion.Pick> pick(Caller caller, Session session, Optional<String> justAnswered,
                                             Instant now) {
        return pick(caller, session.topic(), session.difficulty(), justAnswered, now);
    }

    /** The next question for the caller: one read of their cards, the rest in memory (see docs/benchmarks.md). */
    Optional<NextQuestion.Pick> pick(Caller caller, Optional<String> topic, Optional<Difficulty> difficulty,
                                     Optional<String> justAnswered, Instant now) {
        QuestionBank current = bank.bank();
        // practice shows the reference after each answer: never for a question open in a channel round
        java.util.Set<String> open = rounds.openQuestionIds(caller.channel());
        List<Question> eligible = current.questions().stream()
                .filter(q -> !open.contains(q.id()))
                .filter(q -> topic.isEmpty() || q.topic().equals(topic.get()))
                .filter(q -> difficulty.isEmpty() || q.difficulty() == difficulty.get())
                .toList();
        return next.pick(eligible, repository.cards(community(caller), caller.userId()), now, justAnswered);
    }

    private static Session asking(Session session, Optional<NextQuestion.Pick> pick, Instant now) {
        return new Session(session.channelKey(), session.topic(), session.difficulty(),
                pick.map(p -> p.question().id()), pick.map(p -> now), now);
    }

    private Views.PracticeQuestion view(NextQuestion.Pick pick) {
        Question q = pick.question();
        String topicName = bank.bank().topic(q.topic()).map(Topic::name).orElse(q.topic());
        return new Views.PracticeQuestion(q.id(), q.topic(), topicName, q.difficulty(), q.question(), pick.reason());
    }

    private static Views.PracticeResult result(Question question, Grade grade, Rating rating, Card card) {
        List<String> notes = new ArrayList<>(grade.notes());
        return new Views.PracticeResult(question.question(), grade.verdict(), grade.score(), grade.conceptsFound(),
                grade.conceptsMissed(), grade.explanation(), question.answer(), question.misconceptions(),
                rating.label(), card.dueAt(), notes);
    }


    private static long minutes(Duration duration) {
        return duration.toMinutes();
    }
}
