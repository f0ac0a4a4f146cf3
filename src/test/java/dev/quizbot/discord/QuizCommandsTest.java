package dev.quizbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Period;
import dev.quizbot.chat.Scope;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataObject;

class QuizCommandsTest {

    private static Optional<Command> translate(String group, String name, Map<String, String> options) {
        return QuizCommands.translate(group, name, option -> Optional.ofNullable(options.get(option)));
    }

    @Test
    void translatesAskWithTopicAndDifficulty() {
        assertThat(translate(null, "ask", Map.of("topic", "rag", "difficulty", "hard")))
                .contains(new Command.Ask(Optional.of("rag"), Optional.of(Difficulty.HARD)));
        assertThat(translate(null, "ask", Map.of())).contains(new Command.Ask(Optional.empty(), Optional.empty()));
        assertThat(translate(null, "question", Map.of())).contains(new Command.Question());
    }

    @Test
    void defaultsTheLeaderboardToTheChannelThisWeekAsEveryPlatformDoes() {
        assertThat(translate(null, "leaderboard", Map.of()))
                .contains(new Command.Leaderboard(Scope.CHANNEL, Period.WEEK));
        assertThat(translate(null, "leaderboard", Map.of())).isEqualTo(java.util.Optional.of(
                ((dev.quizbot.chat.CommandParser.Result.Parsed) dev.quizbot.chat.CommandParser.parse("leaderboard")).command()));
        assertThat(translate(null, "leaderboard", Map.of("scope", "team", "period", "month")))
                .contains(new Command.Leaderboard(Scope.TEAM, Period.MONTH));
    }

    @Test
    void thePublishOptionOfTheLeaderboardTurnsTheWebPageOnOrOff() {
        assertThat(translate(null, "leaderboard", Map.of("publish", "on")))
                .contains(new Command.LeaderboardPublish(true));
        assertThat(translate(null, "leaderboard", Map.of("publish", "off", "period", "week")))
                .contains(new Command.LeaderboardPublish(false));
        assertThat(QuizCommands.answersPublicly(new Command.LeaderboardPublish(true))).isFalse();
    }

    @Test
    void fallsBackToDefaultsForChoiceValuesFromAnOlderRegistration() {
        assertThat(translate(null, "leaderboard", Map.of("scope", "galaxy", "period", "decade")))
                .contains(new Command.Leaderboard(Scope.CHANNEL, Period.WEEK));
    }

    @Test
    void translatesTeamAndScheduleSubcommandGroups() {
        assertThat(translate("team", "create", Map.of("name", "  Tensor Titans "))).contains(
                new Command.TeamCreate("Tensor Titans"));
        assertThat(translate("team", "leave", Map.of())).contains(new Command.TeamLeave());
        assertThat(translate("schedule", "set", Map.of("when", "daily 09:00", "timezone", "Europe/Berlin",
                "difficulty", "easy"))).contains(new Command.ScheduleSet("daily 09:00", "Europe/Berlin",
                Optional.empty(), Optional.of(Difficulty.EASY)));
        assertThat(translate("schedule", "remove", Map.of("id", "7"))).contains(new Command.ScheduleRemove(7));
    }

    @Test
    void passesTheChosenUsersIdForStats() {
        assertThat(translate(null, "stats", Map.of("user", "1300000000000000003")))
                .contains(new Command.Stats(Optional.of("1300000000000000003")));
    }

    @Test
    void yieldsNothingForUnknownOrMalformedInvocations() {
        assertThat(translate(null, "dance", Map.of())).isEmpty();
        assertThat(translate("schedule", "remove", Map.of("id", "seven"))).isEmpty();
        assertThat(translate("team", "ask", Map.of())).isEmpty();
    }

    @Test
    void answersOnlyLeaderboardsPublicly() {
        assertThat(QuizCommands.answersPublicly(new Command.Leaderboard(Scope.CHANNEL, Period.TODAY))).isTrue();
        assertThat(QuizCommands.answersPublicly(new Command.Help())).isFalse();
        assertThat(QuizCommands.answersPublicly(new Command.Stats(Optional.empty()))).isFalse();
    }

    @Test
    void definesOneGuildOnlyCommandWithAutocompletedTopicAndTimezone() {
        SlashCommandData quiz = QuizCommands.definition();
        DataObject json = quiz.toData();

        assertThat(json.getString("name")).isEqualTo("quiz");
        assertThat(json.toString()).contains("\"autocomplete\":true");
        assertThat(quiz.getSubcommands()).extracting(s -> s.getName())
                .containsExactlyInAnyOrder("ask", "question", "leaderboard", "stats", "topics", "help", "reload", "review",
                        "appeal");
        assertThat(quiz.getSubcommandGroups()).extracting(g -> g.getName())
                .containsExactlyInAnyOrder("team", "schedule", "practice", "queue");
        assertThat(quiz.getSubcommandGroups().stream().filter(g -> g.getName().equals("queue")).findFirst()
                .orElseThrow().getSubcommands()).extracting(s -> s.getName())
                .containsExactly("show", "accept", "reject", "skip", "split", "web");
        assertThat(quiz.getSubcommandGroups().stream().filter(g -> g.getName().equals("practice")).findFirst()
                .orElseThrow().getSubcommands()).extracting(s -> s.getName())
                .containsExactly("start", "answer", "stop", "remind", "remind-off");
        assertThat(quiz.getSubcommandGroups().stream().filter(g -> g.getName().equals("schedule")).findFirst()
                .orElseThrow().getSubcommands()).extracting(s -> s.getName()).containsExactly("set", "list", "remove");
        assertThat(json.getArray("contexts").toList()).containsExactly("0");
    }

    @Test
    void translatesAppealsAndTheReviewQueue() {
        assertThat(translate(null, "appeal", Map.of())).contains(new Command.Appeal(Optional.empty(), Optional.empty()));
        assertThat(translate(null, "appeal", Map.of("round", "12", "reason", "it's the same idea"))).contains(
                new Command.Appeal(Optional.of(12L), Optional.of("it's the same idea")));
        assertThat(translate("queue", "show", Map.of())).contains(
                new Command.Review(new dev.quizbot.chat.ReviewAction.Show()));
        assertThat(translate("queue", "accept", Map.of("score", "80", "bank-text", "low-rank update"))).contains(
                new Command.Review(new dev.quizbot.chat.ReviewAction.Accept(Optional.empty(), Optional.of(80), true,
                        Optional.of("low-rank update"))));
        assertThat(translate("queue", "reject", Map.of("item", "3", "note", "no", "bank", "false"))).contains(
                new Command.Review(new dev.quizbot.chat.ReviewAction.Reject(Optional.of(3L), Optional.of("no"), false,
                        Optional.empty())));
        assertThat(translate("queue", "split", Map.of())).contains(
                new Command.Review(new dev.quizbot.chat.ReviewAction.Split(Optional.empty())));
        assertThat(translate("queue", "web", Map.of())).contains(
                new Command.Review(new dev.quizbot.chat.ReviewAction.Web()));
    }

    @Test
    void translatesPracticeAndReview() {
        assertThat(translate("practice", "start", Map.of("topic", "rag", "difficulty", "easy"))).contains(
                new Command.PracticeStart(Optional.of("rag"), Optional.of(dev.quizbot.bank.Difficulty.EASY)));
        assertThat(translate("practice", "answer", Map.of("text", "low-rank"))).contains(
                new Command.PracticeAnswer("low-rank"));
        assertThat(translate("practice", "stop", Map.of())).contains(new Command.PracticeStop());
        assertThat(translate("practice", "remind", Map.of("time", " 08:30 ", "timezone", "Europe/Berlin"))).contains(
                new Command.PracticeRemind("08:30", "Europe/Berlin"));
        assertThat(translate("practice", "remind-off", Map.of())).contains(new Command.PracticeRemindOff());
        assertThat(translate(null, "review", Map.of("topic", "rag"))).contains(
                new Command.ReviewMistakes(Optional.of("rag")));
        assertThat(QuizCommands.answersPublicly(new Command.PracticeStop())).isFalse();
    }
}
