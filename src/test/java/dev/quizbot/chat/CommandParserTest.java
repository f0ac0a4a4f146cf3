package dev.quizbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quizbot.bank.Difficulty;

class CommandParserTest {

    private static Command parsed(String line) {
        CommandParser.Result result = CommandParser.parse(line);
        assertThat(result).isInstanceOf(CommandParser.Result.Parsed.class);
        return ((CommandParser.Result.Parsed) result).command();
    }

    private static CommandParser.Result.Invalid invalid(String line) {
        CommandParser.Result result = CommandParser.parse(line);
        assertThat(result).isInstanceOf(CommandParser.Result.Invalid.class);
        return (CommandParser.Result.Invalid) result;
    }

    @Test
    void askTakesATopicAndADifficultyInEitherOrder() {
        assertThat(parsed("ask rag hard")).isEqualTo(new Command.Ask(Optional.of("rag"), Optional.of(Difficulty.HARD)));
        assertThat(parsed("ask HARD rag")).isEqualTo(new Command.Ask(Optional.of("rag"), Optional.of(Difficulty.HARD)));
        assertThat(parsed("/quiz ask")).isEqualTo(new Command.Ask(Optional.empty(), Optional.empty()));
        assertThat(invalid("ask rag hard easy").reason()).contains("one topic and one difficulty");
    }

    @Test
    void topicsMayBeSeveralWordsAndTimezonesAnyCase() {
        assertThat(parsed("ask fine tuning")).isEqualTo(new Command.Ask(Optional.of("fine tuning"), Optional.empty()));
        assertThat(parsed("ask hard fine tuning")).isEqualTo(
                new Command.Ask(Optional.of("fine tuning"), Optional.of(Difficulty.HARD)));
        // the service, which knows the topics, says that 'impossible' is no difficulty
        assertThat(parsed("schedule set daily 10:00 UTC rag impossible")).isEqualTo(new Command.ScheduleSet(
                "daily 10:00", "UTC", Optional.of("rag impossible"), Optional.empty()));
        assertThat(parsed("schedule set 0 0 9 * * MON-FRI utc")).isEqualTo(new Command.ScheduleSet(
                "0 0 9 * * MON-FRI", "utc", Optional.empty(), Optional.empty()));
        assertThat(parsed("schedule set 0 0 9 * * MON-FRI europe/berlin rag")).isEqualTo(new Command.ScheduleSet(
                "0 0 9 * * MON-FRI", "europe/berlin", Optional.of("rag"), Optional.empty()));
        assertThat(parsed("schedule set 0 0 9 * * * EST")).isEqualTo(new Command.ScheduleSet(
                "0 0 9 * * *", "EST", Optional.empty(), Optional.empty()));
    }

    @Test
    void answerKeepsTheTextAsTypedAndAcceptsARoundNumber() {
        assertThat(parsed("answer  It's \"low-rank\" adapters ")).isEqualTo(
                new Command.Answer(Optional.empty(), "It's \"low-rank\" adapters"));
        assertThat(parsed("answer #42 attention")).isEqualTo(new Command.Answer(Optional.of(42L), "attention"));
        assertThat(invalid("answer   ").reason()).contains("empty");
    }

    @Test
    void leaderboardDefaultsToTheChannelThisWeek() {
        assertThat(parsed("leaderboard")).isEqualTo(new Command.Leaderboard(Scope.CHANNEL, Period.WEEK));
        assertThat(parsed("leaderboard server week")).isEqualTo(new Command.Leaderboard(Scope.SERVER, Period.WEEK));
        assertThat(parsed("lb all-time team")).isEqualTo(new Command.Leaderboard(Scope.TEAM, Period.ALL));
        assertThat(invalid("leaderboard today today").usage()).startsWith("leaderboard [channel|server|team]");
    }

    @Test
    void leaderboardPublishTakesOnOrOff() {
        assertThat(parsed("leaderboard publish on")).isEqualTo(new Command.LeaderboardPublish(true));
        assertThat(parsed("/quiz leaderboard PUBLISH off")).isEqualTo(new Command.LeaderboardPublish(false));
        assertThat(invalid("leaderboard publish").reason()).contains("leaderboard publish on");
        assertThat(invalid("leaderboard publish maybe").usage()).isEqualTo("leaderboard publish on|off");
    }

    @Test
    void scheduleSetReadsDailyTimesAndCronExpressions() {
        assertThat(parsed("schedule set daily 09:00 Europe/Berlin rag")).isEqualTo(new Command.ScheduleSet(
                "daily 09:00", "Europe/Berlin", Optional.of("rag"), Optional.empty()));
        assertThat(parsed("schedule set \"0 0 9 * * MON-FRI\" America/New_York")).isEqualTo(new Command.ScheduleSet(
                "0 0 9 * * MON-FRI", "America/New_York", Optional.empty(), Optional.empty()));
        assertThat(parsed("schedule set 0 */30 9-17 * * * UTC easy")).isEqualTo(new Command.ScheduleSet(
                "0 */30 9-17 * * *", "UTC", Optional.empty(), Optional.of(Difficulty.EASY)));
        assertThat(parsed("schedule set @daily Asia/Tokyo")).isEqualTo(new Command.ScheduleSet(
                "@daily", "Asia/Tokyo", Optional.empty(), Optional.empty()));
        assertThat(invalid("schedule set \"0 0 9 * * *").reason()).contains("not closed");
        assertThat(invalid("schedule set daily").reason()).contains("needs a time");
        assertThat(parsed("schedule remove #3")).isEqualTo(new Command.ScheduleRemove(3));
        assertThat(invalid("schedule remove three").reason()).contains("schedule's number");
    }

    @Test
    void teamNamesMayHaveSpaces() {
        assertThat(parsed("team create Tensor Titans")).isEqualTo(new Command.TeamCreate("Tensor Titans"));
        assertThat(parsed("team join \"Tensor Titans\"")).isEqualTo(new Command.TeamJoin("Tensor Titans"));
        assertThat(parsed("team leave")).isEqualTo(new Command.TeamLeave());
        assertThat(invalid("team create").reason()).contains("Name the team");
    }

    @Test
    void unknownCommandsListTheCommands() {
        CommandParser.Result.Invalid unknown = invalid("dance");
        assertThat(unknown.reason()).contains("Unknown command 'dance'");
        assertThat(unknown.usage()).contains("ask [topic]").contains("schedule set");
        assertThat(parsed("stats Ada Lovelace")).isEqualTo(new Command.Stats(Optional.of("Ada Lovelace")));
    }

    @Test
    void practiceStartsStopsAnswersAndSetsReminders() {
        assertThat(parsed("practice")).isEqualTo(new Command.PracticeStart(Optional.empty(), Optional.empty()));
        assertThat(parsed("practice hard rag")).isEqualTo(
                new Command.PracticeStart(Optional.of("rag"), Optional.of(Difficulty.HARD)));
        assertThat(parsed("/quiz practice start rag")).isEqualTo(
                new Command.PracticeStart(Optional.of("rag"), Optional.empty()));
        assertThat(parsed("practice stop")).isEqualTo(new Command.PracticeStop());
        assertThat(parsed("practice answer  low-rank \"adapters\" ")).isEqualTo(
                new Command.PracticeAnswer("low-rank \"adapters\""));
        assertThat(parsed("practice remind 08:30 Europe/Berlin")).isEqualTo(
                new Command.PracticeRemind("08:30", "Europe/Berlin"));
        assertThat(parsed("practice remind off")).isEqualTo(new Command.PracticeRemindOff());
        // several words make one topic, as for `ask`; the service matches or explains it
        assertThat(parsed("practice fine tuning")).isEqualTo(
                new Command.PracticeStart(Optional.of("fine tuning"), Optional.empty()));
        assertThat(invalid("practice rag easy hard").reason()).contains("at most a topic and a difficulty");
        assertThat(invalid("practice answer").reason()).contains("empty");
        assertThat(invalid("practice remind 08:30").reason()).contains("which timezone");
    }

    @Test
    void reviewMistakesTakesAnOptionalTopic() {
        assertThat(parsed("review mistakes")).isEqualTo(new Command.ReviewMistakes(Optional.empty()));
        assertThat(parsed("review mistakes rag")).isEqualTo(new Command.ReviewMistakes(Optional.of("rag")));
        assertThat(parsed("mistakes rag")).isEqualTo(new Command.ReviewMistakes(Optional.of("rag")));
        assertThat(invalid("review rag").reason()).contains("review mistakes");
        assertThat(invalid("review mistakes rag fine-tuning").reason()).contains("at most one topic");
    }

    @Test
    void appealTakesAnOptionalRoundAndAFreeTextReason() {
        assertThat(parsed("appeal")).isEqualTo(new Command.Appeal(Optional.empty(), Optional.empty()));
        assertThat(parsed("appeal #12")).isEqualTo(new Command.Appeal(Optional.of(12L), Optional.empty()));
        // apostrophes are text here, not quotes
        assertThat(parsed("/quiz appeal #12 it's the same idea")).isEqualTo(
                new Command.Appeal(Optional.of(12L), Optional.of("it's the same idea")));
        assertThat(parsed("appeal I said retrieval")).isEqualTo(
                new Command.Appeal(Optional.empty(), Optional.of("I said retrieval")));
    }

    @Test
    void reviewCommandsReadItemScoreNoteAndBankText() {
        assertThat(parsed("review")).isEqualTo(new Command.Review(new ReviewAction.Show()));
        assertThat(parsed("review accept")).isEqualTo(new Command.Review(
                new ReviewAction.Accept(Optional.empty(), Optional.empty(), false, Optional.empty())));
        assertThat(parsed("review accept #7 80 bank \"low-rank update\"")).isEqualTo(new Command.Review(
                new ReviewAction.Accept(Optional.of(7L), Optional.of(80), true, Optional.of("low-rank update"))));
        assertThat(parsed("review accept bank")).isEqualTo(new Command.Review(
                new ReviewAction.Accept(Optional.empty(), Optional.empty(), true, Optional.empty())));
        assertThat(parsed("review reject it's not what was asked")).isEqualTo(new Command.Review(
                new ReviewAction.Reject(Optional.empty(), Optional.of("it's not what was asked"), false, Optional.empty())));
        assertThat(parsed("review reject #3 bank RAG retrains the model")).isEqualTo(new Command.Review(
                new ReviewAction.Reject(Optional.of(3L), Optional.empty(), true, Optional.of("RAG retrains the model"))));
        assertThat(parsed("review skip")).isEqualTo(new Command.Review(new ReviewAction.Skip(Optional.empty())));
        assertThat(parsed("review split #4")).isEqualTo(new Command.Review(new ReviewAction.Split(Optional.of(4L))));
        assertThat(parsed("review web")).isEqualTo(new Command.Review(new ReviewAction.Web()));
        // practice's own review command is unchanged
        assertThat(parsed("review mistakes rag")).isEqualTo(new Command.ReviewMistakes(Optional.of("rag")));
    }

    @Test
    void malformedReviewCommandsSayWhatIsWrong() {
        assertThat(invalid("review accept -5").reason()).contains("whole number from 1 to 100");
        assertThat(invalid("review accept nonsense").reason()).contains("not 'nonsense'");
        assertThat(invalid("review skip now").reason()).contains("no more than an item");
        assertThat(invalid("review web #3").reason()).contains("`review web` takes nothing more");
        assertThat(invalid("review frobnicate").reason()).contains("review mistakes").contains("review accept");
        assertThat(invalid("appeal " + "x".repeat(3000)).reason()).contains("3000 characters");
    }
}
