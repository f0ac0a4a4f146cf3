package dev.quizbot.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.quizbot.bank.BankReload;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.leaderboard.LeaderboardService;
import dev.quizbot.leaderboard.Publication;
import dev.quizbot.leaderboard.StatsService;
import dev.quizbot.practice.PracticeService;
import dev.quizbot.review.ReviewDesk;
import dev.quizbot.round.AnswerOutcome;
import dev.quizbot.round.OpenOutcome;
import dev.quizbot.round.RoundService;
import dev.quizbot.schedule.ScheduleService;
import dev.quizbot.team.TeamService;

/** The core's {@link ChatService}: one switch over the command, each case handing off to its feature. */
@Service
class QuizChatService implements ChatService {

    private final RoundService rounds;
    private final LeaderboardService leaderboards;
    private final StatsService stats;
    private final TeamService teams;
    private final ScheduleService schedules;
    private final QuestionBankService bank;
    private final CommandRateLimit rateLimit;
    private final PracticeService practice;
    private final Publication publication;
    private final ReviewDesk review;

    QuizChatService(RoundService rounds, LeaderboardService leaderboards, StatsService stats, TeamService teams,
                    ScheduleService schedules, QuestionBankService bank, CommandRateLimit rateLimit,
                    PracticeService practice, Publication publication, ReviewDesk review) {
        this.publication = publication;
        this.review = review;
        this.rateLimit = rateLimit;
        this.practice = practice;
        this.rounds = rounds;
        this.leaderboards = leaderboards;
        this.stats = stats;
        this.teams = teams;
        this.schedules = schedules;
        this.bank = bank;
    }

    @Override
    public Reply handle(Caller caller, Command command) {
        Optional<Duration> wait = rateLimit.acquire(caller);
        if (wait.isPresent()) {
            return tooFast(wait.get());
        }
        Optional<String> unstorable = StorableText.problem(command);
        if (unstorable.isPresent()) {
            return new Reply.Refused("Your command contains " + unstorable.get() + ", which quizbot cannot store."
                    + " Remove it and send it again; nothing was recorded.", "");
        }
        String community = RoundService.communityKey(caller.channel());
        return switch (command) {
            case Command.Ask ask -> ask(caller, ask);
            // a plain answer goes to the caller's own practice session while one is open; `answer #N` is always a round's
            case Command.Answer answer when answer.roundId().isEmpty() && practice.inSession(caller) ->
                    practice.answer(caller, answer.text());
            case Command.Answer answer -> answer(caller, answer);
            case Command.Leaderboard lb -> new Reply.Leaderboard(leaderboards.board(caller, lb.scope(), lb.period()));
            case Command.LeaderboardPublish publish -> publish(caller, community, publish.on());
            case Command.Stats s -> stats.stats(caller, s.user())
                    .map(view -> view.withReviews(review.decisions(caller, view.userId())))
                    .<Reply>map(view -> new Reply.Stats(view, s.user().isEmpty() ? Optional.of(practice.stats(caller))
                            : Optional.empty()))
                    .orElseGet(() -> new Reply.Refused("Nobody called " + s.user().orElse("") + " has answered here yet.",
                            HelpTexts.STATS.usage()));
            case Command.Topics t -> new Reply.Topics(topics(bank.bank()));
            case Command.Question q -> rounds.openRound(caller.channel())
                    .<Reply>map(open -> new Reply.OpenQuestion(rounds.view(open), false))
                    .orElseGet(() -> new Reply.Refused("There is no open question in this channel. Start one with `ask`.",
                            HelpTexts.ASK.usage()));
            case Command.TeamCreate c -> team(teams.create(community, caller.userId(), c.name()));
            case Command.TeamJoin j -> team(teams.join(community, caller.userId(), j.name()));
            case Command.TeamLeave l -> team(teams.leave(community, caller.userId()));
            case Command.TeamList l -> new Reply.Teams(teamViews(community));
            case Command.ScheduleSet set -> scheduleSet(caller, set);
            case Command.ScheduleList l -> new Reply.Schedules(schedules.list(caller));
            case Command.ScheduleRemove remove -> scheduleRemove(caller, remove);
            case Command.ReloadBank r -> reload(caller);
            case Command.Help h -> new Reply.Help(HelpTexts.ALL);
            case Command.PracticeStart p -> practice.start(caller, p.topic(), p.difficulty());
            case Command.PracticeAnswer p -> practice.answer(caller, p.text());
            case Command.PracticeStop p -> practice.stop(caller);
            case Command.PracticeRemind p -> practice.remind(caller, p.time(), p.zone());
            case Command.PracticeRemindOff p -> practice.remindOff(caller);
            case Command.ReviewMistakes r -> practice.mistakes(caller, r.topic());
            case Command.Appeal a -> review.appeal(caller, a.roundId(), a.reason());
            case Command.Review r -> review.review(caller, r.action());
        };
    }

    private Reply ask(Caller caller, Command.Ask ask) {
        return switch (rounds.openOnDemand(caller.channel(), ask.topic(), ask.difficulty())) {
            case OpenOutcome.Opened opened -> new Reply.RoundStarted(opened.question());
            case OpenOutcome.ChannelBusy busy -> new Reply.OpenQuestion(rounds.view(busy.open()), true);
            case OpenOutcome.UnknownTopic unknown -> new Reply.Refused("Unknown topic '" + unknown.topic() + "'"
                    + unknown.suggestion().map(s -> " (did you mean " + s + "?)").orElse("")
                    + ". Topics: " + String.join(", ", unknown.known()) + ".", HelpTexts.ASK.usage());
            case OpenOutcome.NotADifficulty word -> new Reply.Refused(OpenOutcome.notADifficulty(word),
                    HelpTexts.ASK.usage());
            case OpenOutcome.NoEligibleQuestions none -> new Reply.Refused(none.reason()
                    + " Try another topic or difficulty; `topics` lists what there is.", HelpTexts.ASK.usage());
        };
    }

    private Reply answer(Caller caller, Command.Answer answer) {
        return switch (rounds.answer(caller, answer.roundId(), answer.text())) {
            case AnswerOutcome.Graded graded -> new Reply.Feedback(graded.feedback(), Optional.of(rounds.view(graded.round())));
            case AnswerOutcome.Empty e -> new Reply.Refused("Your answer is empty.", HelpTexts.ANSWER.usage());
            case AnswerOutcome.TooLong tooLong -> new Reply.Refused("Your answer is " + tooLong.length()
                    + " characters; the limit is " + tooLong.limit() + ". Shorten it and send it again"
                    + " (nothing was recorded).", HelpTexts.ANSWER.usage());
            case AnswerOutcome.NoOpenRound n -> new Reply.Refused("There is no open question in this channel."
                    + " Start one with `ask`.", HelpTexts.ASK.usage());
            case AnswerOutcome.UnknownRound u -> new Reply.Refused("There is no round " + u.roundId() + ".",
                    HelpTexts.ANSWER.usage());
            case AnswerOutcome.AlreadyClosed closed -> new Reply.Refused("Round " + closed.round().id()
                    + " is closed" + closed.round().closedAt().map(t -> " (since " + Times.time(t, rounds.zone(closed.round())) + ")").orElse("")
                    + "; answers are no longer taken. `ask` starts a new one.", HelpTexts.ASK.usage());
            case AnswerOutcome.AlreadyAnswered twice -> new Reply.Refused("You already answered round "
                    + twice.round().id() + "; one answer per person, and your first one stands.", "");
            case AnswerOutcome.QuestionGone gone -> new Reply.Refused("Round " + gone.round().id()
                    + "'s question was removed from the bank, so it cannot be graded; it will close without scores.", "");
        };
    }

    private static List<Views.Topic> topics(QuestionBank bank) {
        Map<String, Long> counts = bank.countsByTopic();
        return bank.topics().stream()
                .map(t -> new Views.Topic(t.slug(), t.name(), t.description(), counts.getOrDefault(t.slug(), 0L).intValue(),
                        perDifficulty(bank, t.slug())))
                .toList();
    }

    private static Map<dev.quizbot.bank.Difficulty, Integer> perDifficulty(QuestionBank bank, String topic) {
        Map<dev.quizbot.bank.Difficulty, Integer> counts = new java.util.EnumMap<>(dev.quizbot.bank.Difficulty.class);
        bank.countsByDifficulty(Optional.of(topic)).forEach((d, n) -> counts.put(d, n.intValue()));
        return counts;
    }

    private static Reply team(TeamService.Outcome outcome) {
        return switch (outcome) {
            case TeamService.Outcome.Done done -> new Reply.Done(done.message());
            case TeamService.Outcome.Refused refused -> new Reply.Refused(refused.message(), HelpTexts.TEAM.usage());
        };
    }

    private List<Views.Team> teamViews(String community) {
        return leaderboards.teamStandings(community, Period.ALL).stream()
                .map(t -> new Views.Team(t.name(), t.members(), t.meanPoints()))
                .toList();
    }

    private Reply scheduleSet(Caller caller, Command.ScheduleSet set) {
        Optional<Reply> refusal = adminOnly(caller, "set schedules");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return switch (schedules.set(caller, set)) {
            case ScheduleService.SetOutcome.Created created -> new Reply.Done("Schedule " + created.schedule().id()
                    + " set: " + created.schedule().when() + " " + created.schedule().zone()
                    + created.schedule().topic().map(t -> ", topic " + t).orElse("")
                    + created.schedule().difficulty().map(d -> ", " + d.slug()).orElse("")
                    + ". Next post: " + describe(created.schedule().nextFire(), created.schedule().zone()) + "."
                    + created.clash().map(c -> " Warning: " + c).orElse(""));
            case ScheduleService.SetOutcome.Refused refused -> new Reply.Refused(refused.reason(),
                    HelpTexts.SCHEDULE_SET.usage());
        };
    }

    private Reply scheduleRemove(Caller caller, Command.ScheduleRemove remove) {
        Optional<Reply> refusal = adminOnly(caller, "remove schedules");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return schedules.remove(caller, remove.id())
                .<Reply>map(reason -> new Reply.Refused(reason, HelpTexts.SCHEDULE_REMOVE.usage()))
                .orElseGet(() -> new Reply.Done("Schedule " + remove.id() + " removed."));
    }

    private Reply reload(Caller caller) {
        Optional<Reply> refusal = adminOnly(caller, "reload the question bank");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return switch (bank.reload()) {
            case BankReload.Reloaded r -> new Reply.Done("Question bank reloaded: " + r.bank().summary() + ".");
            case BankReload.Rejected r -> new Reply.Refused("The bank files have " + r.problems().size()
                    + " problem(s), so the bank in use (" + r.kept().size() + " questions) was kept: "
                    + String.join("; ", r.problems().stream().limit(5).map(Object::toString).toList())
                    + (r.problems().size() > 5 ? "; ..." : ""), "");
        };
    }

    private Reply publish(Caller caller, String community, boolean on) {
        Optional<Reply> refusal = adminOnly(caller, on ? "put this server's boards on the web page"
                : "take this server's boards off the web page");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        boolean changed = publication.set(community, caller.userId(), on);
        if (on) {
            return new Reply.Done(changed
                    ? "This server's boards, players, teams and round history are now on the web page."
                    + " `leaderboard publish off` takes them down again."
                    : "This server's boards were already on the web page.");
        }
        return new Reply.Done(changed ? "This server is off the web page: its boards are no longer listed or shown."
                : "This server's boards were not on the web page; nothing changed.");
    }

    private Reply tooFast(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new Reply.Refused("You're sending commands faster than quizbot takes them (" + rateLimit.perMinute()
                + " a minute). Try again in " + seconds + (seconds == 1 ? " second" : " seconds")
                + "; nothing was done with this one.", "");
    }

    private static Optional<Reply> adminOnly(Caller caller, String what) {
        if (caller.admin()) {
            return Optional.empty();
        }
        return Optional.of(new Reply.Refused("Only admins can " + what + ": it needs the server's admin permission"
                + " (Manage Server on Discord, workspace admin on Slack). Ask an admin to do it.", ""));
    }

    private static String describe(Instant next, String zone) {
        return next == null ? "none" : Times.dayAndTime(next, zone);
    }
}
