package dev.quizbot.discord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.quizbot.outbox.Outbox;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.ChatService;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Views;
import dev.quizbot.grading.Verdict;

/**
 * A stand-in for the core in the adapter's tests: it records every command with its caller and
 * answers the way the {@link ChatService} contract describes (rounds open and close with
 * announcements, one answer per user, admin-only schedules), with trivially simple rules of its
 * own. It tests the adapter's translation and rendering, not any game logic.
 */
class RecordingChatService implements ChatService {

    record Received(Caller caller, Command command) {
    }

    record Answer(String userId, String displayName, String text, int score) {
    }

    private final Outbox outbox;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong rounds = new AtomicLong();
    private final Map<Long, ChannelRef> openRounds = new ConcurrentHashMap<>();
    private final Map<Long, Views.Question> questions = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Answer>> answers = new ConcurrentHashMap<>();

    RecordingChatService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Reply handle(Caller caller, Command command) {
        received.add(new Received(caller, command));
        return switch (command) {
            case Command.Ask ask -> open(caller, ask);
            case Command.Answer answer -> answer(caller, answer);
            case Command.Leaderboard board -> new Reply.Leaderboard(leaderboard(caller, board));
            case Command.ScheduleSet set -> caller.admin()
                    ? new Reply.Done("Scheduled: " + set.when() + " (" + set.zone() + ").")
                    : refusedNotAdmin();
            case Command.ScheduleRemove remove -> caller.admin() ? new Reply.Done("Removed.") : refusedNotAdmin();
            case Command.ReloadBank reload -> caller.admin() ? new Reply.Done("Reloaded.") : refusedNotAdmin();
            case Command.LeaderboardPublish publish -> caller.admin() ? new Reply.Done("Published.")
                    : refusedNotAdmin();
            case Command.ScheduleList list -> new Reply.Schedules(List.of());
            case Command.Topics topics -> new Reply.Topics(List.of(new Views.Topic("fine-tuning", "Fine-tuning", "", 3,
                    java.util.Map.of(dev.quizbot.bank.Difficulty.MEDIUM, 3))));
            case Command.Help help -> new Reply.Help(List.of(new Views.CommandHelp("ask [topic]", "Ask", false)));
            case Command.Stats stats -> new Reply.Stats(new Views.Stats(stats.user().orElse(caller.userId()),
                    caller.displayName(), 0, 0, 0, 0, 0, 0, List.of(), List.of(), 0));
            case Command.TeamCreate team -> new Reply.Done("Created team " + team.name() + ".");
            case Command.TeamJoin team -> new Reply.Done("Joined team " + team.name() + ".");
            case Command.TeamLeave leave -> new Reply.Done("Left your team.");
            case Command.TeamList list -> new Reply.Teams(List.of());
            case Command.Question q -> openRounds.entrySet().stream().filter(e -> e.getValue().equals(caller.channel()))
                    .max(Map.Entry.comparingByKey())
                    .map(e -> (Reply) new Reply.OpenQuestion(questions.get(e.getKey()), false))
                    .orElseGet(() -> new Reply.Refused("There is no open question in this channel.", ""));
            case Command.PracticeStart start -> new Reply.Practice(Optional.empty(), Optional.of(new Views.PracticeQuestion(
                    "what-is-lora", "fine-tuning", "Fine-tuning", Difficulty.MEDIUM,
                    "What is LoRA and why does it save memory?", "new question")), "Practice started.");
            case Command.PracticeAnswer answer -> new Reply.Practice(Optional.of(new Views.PracticeResult(
                    "What is LoRA and why does it save memory?", Verdict.INCORRECT, 20, List.of(), List.of("low-rank"),
                    "Missed the key idea.", "LoRA trains low-rank update matrices on frozen weights.",
                    List.of("LoRA does not shrink the base model."), "Again", Instant.now().plusSeconds(600), List.of())),
                    Optional.empty(), "");
            case Command.PracticeStop stop -> new Reply.Done("Practice stopped.");
            case Command.PracticeRemind remind -> new Reply.Done("Practice reminder set: " + remind.time() + " "
                    + remind.zone() + ".");
            case Command.PracticeRemindOff off -> new Reply.Done("Practice reminder off.");
            case Command.ReviewMistakes review -> new Reply.Mistakes(review.topic(), List.of());
            case Command.Appeal appeal -> new Reply.Done("Appeal of round " + appeal.roundId().map(String::valueOf)
                    .orElse("latest") + " queued.");
            case Command.Review review -> caller.admin() ? new Reply.Done("Review queue is empty.") : refusedNotAdmin();
        };
    }

    private static Reply refusedNotAdmin() {
        return new Reply.Refused("Only members with the Manage Server permission can do that.", "");
    }

    private Reply open(Caller caller, Command.Ask ask) {
        long roundId = rounds.incrementAndGet();
        Views.Question question = new Views.Question(roundId, "what-is-lora", ask.topic().orElse("fine-tuning"),
                "Fine-tuning", ask.difficulty().orElse(Difficulty.MEDIUM), "What is LoRA and why does it save memory?",
                Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), 0, "UTC",
                java.time.Duration.ofMinutes(5));
        openRounds.put(roundId, caller.channel());
        questions.put(roundId, question);
        answers.put(roundId, new ConcurrentHashMap<>());
        outbox.enqueue(new Announcement.RoundOpened(caller.channel(), question, false));
        return new Reply.RoundStarted(question);
    }

    private Reply answer(Caller caller, Command.Answer answer) {
        long roundId = answer.roundId().orElseThrow();
        if (!openRounds.containsKey(roundId)) {
            return new Reply.Refused("That round is closed; wait for the next question.", "");
        }
        Map<String, Answer> given = answers.get(roundId);
        int score = answer.text().toLowerCase().contains("low-rank") ? 90 : 20;
        // as the core holds the round's row lock: counts reach the outbox in the order they were taken
        synchronized (given) {
            if (given.putIfAbsent(caller.userId(), new Answer(caller.userId(), caller.displayName(), answer.text(), score))
                    != null) {
                return new Reply.Refused("You already answered this round.", "");
            }
            outbox.enqueue(new Announcement.AnswerCountChanged(caller.channel(), roundId, given.size()));
        }
        Verdict verdict = score >= 70 ? Verdict.CORRECT : Verdict.INCORRECT;
        return new Reply.Feedback(new Views.Feedback(roundId, verdict, score, score * 1.5 / 10,
                score >= 70 ? List.of("low-rank matrices") : List.of(), score >= 70 ? List.of() : List.of("low-rank matrices"),
                score >= 70 ? "You named the key idea." : "The key idea is missing.", List.of()));
    }

    /** Closes a round as the core's timer would, announcing the reveal. */
    /** A round open in the channel that was never posted, so other tests' posts stay as they were. */
    long openQuietly(ChannelRef channel, Views.Question question) {
        openRounds.put(question.roundId(), channel);
        questions.put(question.roundId(), question);
        answers.put(question.roundId(), new ConcurrentHashMap<>());
        return question.roundId();
    }

    /** Drops a round without a reveal. */
    void forget(long roundId) {
        openRounds.remove(roundId);
    }

    void close(long roundId) {
        ChannelRef channel = openRounds.remove(roundId);
        List<Answer> given = new ArrayList<>(answers.get(roundId).values());
        given.sort(Comparator.comparingInt(Answer::score).reversed());
        outbox.enqueue(new Announcement.RoundClosed(channel, new Views.Reveal(roundId,
                questions.get(roundId).text(), "LoRA trains two low-rank matrices added to frozen weights.",
                given.size(), (int) given.stream().filter(a -> a.score() >= 70).count(),
                given.stream().limit(3).map(a -> new Views.Answerer(a.userId(), a.displayName(), a.score())).toList())));
    }

    private Views.Leaderboard leaderboard(Caller caller, Command.Leaderboard board) {
        Map<String, Double> points = new ConcurrentHashMap<>();
        Map<String, String> names = new ConcurrentHashMap<>();
        answers.values().forEach(round -> round.values().forEach(a -> {
            points.merge(a.userId(), a.score() * 1.5 / 10, Double::sum);
            names.put(a.userId(), a.displayName());
        }));
        List<Map.Entry<String, Double>> ranked = points.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        List<Views.LeaderboardRow> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            rows.add(new Views.LeaderboardRow(i + 1, ranked.get(i).getKey(), names.get(ranked.get(i).getKey()),
                    ranked.get(i).getValue(), 1, ranked.get(i).getValue() >= 10 ? 1 : 0));
        }
        return new Views.Leaderboard(board.scope(), board.period(), "UTC", rows,
                rows.stream().filter(r -> r.id().equals(caller.userId())).findFirst());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Optional<Received> last(Class<? extends Command> type) {
        return received.reversed().stream().filter(r -> type.isInstance(r.command())).findFirst();
    }

    long lastRoundId() {
        return rounds.get();
    }

    int answers(long roundId) {
        return answers.getOrDefault(roundId, Map.of()).size();
    }
}
