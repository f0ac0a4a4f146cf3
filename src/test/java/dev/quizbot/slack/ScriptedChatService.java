package dev.quizbot.slack;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChatService;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Views;
import dev.quizbot.grading.Verdict;
import dev.quizbot.outbox.Outbox;

/**
 * A stand-in for the core behind {@link ChatService}, for adapter tests only: it keeps to the
 * contract (rounds announced through the outbox, one answer per user and round, admin-only schedules)
 * with canned questions and grades, and records every call so tests can check what the adapter
 * passed in.
 */
final class ScriptedChatService implements ChatService {

    record Handled(Caller caller, Command command) {
    }

    static final String QUESTION = "What problem does <attention> solve in sequence models & why?";
    static final String REFERENCE = "It lets each position weigh every other position directly.";

    private final Outbox outbox;
    private final List<Handled> handled = new CopyOnWriteArrayList<>();
    private final AtomicLong rounds = new AtomicLong(100);
    private final Map<Long, Views.Question> open = new ConcurrentHashMap<>();
    private final Map<Long, Caller> roundChannels = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> answered = new ConcurrentHashMap<>();
    /** Users whose commands wait for {@link #release()}: the core being slow. */
    private final Set<String> slowUsers = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    ScriptedChatService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Reply handle(Caller caller, Command command) {
        handled.add(new Handled(caller, command));
        if (slowUsers.contains(caller.userId())) {
            awaitGate();
        }
        return switch (command) {
            case Command.Ask ask -> ask(caller, ask);
            case Command.Answer answer -> answer(caller, answer);
            case Command.ScheduleSet set -> caller.admin()
                    ? new Reply.Done("Schedule #7 set: " + set.when() + " " + set.zone() + ".")
                    : new Reply.Refused("Only workspace admins can manage schedules.",
                    "schedule set <daily HH:MM | cron> <timezone> [topic] [difficulty]");
            case Command.Stats stats -> new Reply.Stats(new Views.Stats(caller.userId(), caller.displayName(), 12, 9,
                    0.75, 104.5, 3, 5, List.of(new Views.TopicStrength("transformers", 6, 0.9)),
                    List.of(new Views.TopicStrength("rlhf", 3, 0.33)), 0));
            case Command.Leaderboard board -> new Reply.Leaderboard(new Views.Leaderboard(board.scope(), board.period(),
                    "UTC", List.of(new Views.LeaderboardRow(1, "UTOP", "Top", 250, 20, 18),
                    new Views.LeaderboardRow(2, "UNEXT", "Next", 120, 10, 8)),
                    Optional.of(new Views.LeaderboardRow(17, caller.userId(), caller.displayName(), 12, 2, 1))));
            case Command.Help help -> new Reply.Help(List.of(
                    new Views.CommandHelp("ask [topic] [difficulty]", "Post a question", false),
                    new Views.CommandHelp("schedule set <daily HH:MM | cron> <timezone>", "Schedule a daily quiz", true)));
            case Command.Question q -> roundChannels.entrySet().stream()
                    .filter(e -> e.getValue().channel().equals(caller.channel()) && open.containsKey(e.getKey()))
                    .map(e -> (Reply) new Reply.OpenQuestion(open.get(e.getKey()), false)).findFirst()
                    .orElseGet(() -> new Reply.Refused("There is no open question in this channel.", ""));
            default -> new Reply.Done("Done.");
        };
    }

    Views.Question question(long roundId) {
        return open.get(roundId);
    }

    private Reply ask(Caller caller, Command.Ask ask) {
        long roundId = rounds.incrementAndGet();
        var question = new Views.Question(roundId, "llm-attention-001", ask.topic().orElse("transformers"),
                "Transformers", ask.difficulty().orElse(Difficulty.MEDIUM), QUESTION,
                Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), 0, "UTC",
                java.time.Duration.ofMinutes(10));
        open.put(roundId, question);
        roundChannels.put(roundId, caller);
        outbox.enqueue(new Announcement.RoundOpened(caller.channel(), question, false));
        return new Reply.RoundStarted(question);
    }

    private Reply answer(Caller caller, Command.Answer answer) {
        long roundId = answer.roundId().orElseThrow();
        if (!open.containsKey(roundId)) {
            return new Reply.Refused("That round is closed.", "");
        }
        Set<String> users = answered.computeIfAbsent(roundId, id -> ConcurrentHashMap.newKeySet());
        // as the core holds the round's row lock: counts reach the outbox in the order they were taken
        synchronized (users) {
            if (!users.add(caller.userId())) {
                return new Reply.Refused("You already answered this question.", "");
            }
            outbox.enqueue(new Announcement.AnswerCountChanged(caller.channel(), roundId, users.size()));
        }
        return new Reply.Feedback(new Views.Feedback(roundId, Verdict.PARTIAL, 64, 9.6,
                List.of("weighted sum"), List.of("query/key/value"),
                "You described the weighting but not how the weights are computed.", List.of()));
    }

    /** Closes a round the way the core's timer would: the reveal goes out as an event. */
    void close(long roundId) {
        Views.Question question = open.remove(roundId);
        Caller asker = roundChannels.get(roundId);
        Set<String> users = answered.getOrDefault(roundId, Set.of());
        outbox.enqueue(new Announcement.RoundClosed(asker.channel(), new Views.Reveal(roundId, question.text(),
                REFERENCE, users.size(), 0, users.stream().map(u -> new Views.Answerer(u, u, 64)).toList())));
    }

    List<Handled> handled() {
        return List.copyOf(handled);
    }

    List<Handled> handled(Class<? extends Command> type) {
        return handled.stream().filter(h -> type.isInstance(h.command())).toList();
    }

    void slow(String userId) {
        gate = new CountDownLatch(1);
        slowUsers.add(userId);
    }

    void release() {
        gate.countDown();
    }

    void reset() {
        handled.clear();
        slowUsers.clear();
        gate.countDown();
    }

    private void awaitGate() {
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


}
