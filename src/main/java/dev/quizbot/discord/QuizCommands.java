package dev.quizbot.discord;

import java.util.Arrays;
import java.util.Optional;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Period;
import dev.quizbot.chat.ReviewAction;
import dev.quizbot.chat.Scope;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * The {@code /quiz} slash command: its definition as registered with Discord, and the translation
 * of an invocation into the core's {@link Command} vocabulary.
 *
 * <p>Discord attaches default member permissions to a whole top-level command only, so the
 * admin subcommands ({@code schedule}, {@code reload}) cannot be hidden from members without
 * hiding the quiz itself; the core refuses them unless the caller has Manage Server, which the
 * adapter reads from the member's permissions on every call.
 */
final class QuizCommands {

    static final String NAME = "quiz";
    static final String OPTION_TOPIC = "topic";
    static final String OPTION_TIMEZONE = "timezone";
    /** Team names are short labels; the core keeps its own bound too. */
    static final int MAX_TEAM_NAME = 40;
    static final int MAX_SCHEDULE_WHEN = 100;
    static final int MAX_TOPIC = 64;
    /** The longest IANA zone id is 32 characters ("America/Argentina/ComodRivadavia"). */
    static final int MAX_TIMEZONE = 64;
    /** The core's limits on appeal reasons and review notes, and on what a review adds to the bank. */
    static final int MAX_REASON = 500;
    static final int MAX_BANK_TEXT = 300;

    private QuizCommands() {
    }

    /** Reads an option's value as text; user options give the user id. */
    @FunctionalInterface
    interface Options {
        Optional<String> get(String name);
    }

    static SlashCommandData definition() {
        return Commands.slash(NAME, "Machine-learning and LLM interview quiz")
                .setContexts(InteractionContextType.GUILD)
                .addSubcommands(
                        new SubcommandData("ask", "Post a question to this channel")
                                .addOptions(topicOption(), difficultyOption()),
                        new SubcommandData("question", "Show this channel's open question again, with the time left"),
                        new SubcommandData("leaderboard", "Show the leaderboard")
                                .addOptions(new OptionData(OptionType.STRING, "scope", "Whose ranking (default: this channel)")
                                                .addChoice("this channel", "channel")
                                                .addChoice("this server", "server")
                                                .addChoice("teams", "team"),
                                        new OptionData(OptionType.STRING, "period", "Time window (default: this week)")
                                                .addChoice("today", "today")
                                                .addChoice("this week", "week")
                                                .addChoice("this month", "month")
                                                .addChoice("all time", "all"),
                                        new OptionData(OptionType.STRING, "publish",
                                                "Show this server's boards on the web page, or stop (Manage Server)")
                                                .addChoice("on", "on")
                                                .addChoice("off", "off")),
                        new SubcommandData("stats", "Answers, accuracy, streak, strengths and weak spots")
                                .addOption(OptionType.USER, "user", "Whose stats (default: yours)"),
                        new SubcommandData("topics", "List the question topics"),
                        new SubcommandData("help", "How to play"),
                        new SubcommandData("review", "Your last 10 incorrect or partial answers (only you see them)")
                                .addOptions(topicOption()),
                        new SubcommandData("appeal", "Think your answer was graded wrong? Ask an admin to look again")
                                .addOptions(new OptionData(OptionType.INTEGER, "round",
                                                "The round (default: your latest answer here)").setMinValue(1),
                                        new OptionData(OptionType.STRING, "reason", "Why (optional)")
                                                .setMaxLength(MAX_REASON)),
                        new SubcommandData("reload", "Re-read the question bank (Manage Server)"))
                .addSubcommandGroups(
                        new SubcommandGroupData("team", "Play as a team")
                                .addSubcommands(
                                        new SubcommandData("create", "Create a team and join it")
                                                .addOptions(teamName()),
                                        new SubcommandData("join", "Join a team").addOptions(teamName()),
                                        new SubcommandData("leave", "Leave your team"),
                                        new SubcommandData("list", "List this server's teams")),
                        new SubcommandGroupData("practice", "Private practice with spaced repetition")
                                .addSubcommands(
                                        new SubcommandData("start", "Start practising (only you see it)")
                                                .addOptions(topicOption(), difficultyOption()),
                                        new SubcommandData("answer", "Answer your practice question")
                                                .addOptions(new OptionData(OptionType.STRING, "text", "Your answer", true)
                                                        .setMaxLength(dev.quizbot.grading.Grader.MAX_ANSWER_LENGTH)),
                                        new SubcommandData("stop", "End your practice session"),
                                        new SubcommandData("remind", "A daily private message when questions are due")
                                                .addOptions(new OptionData(OptionType.STRING, "time", "HH:MM, 24-hour", true)
                                                                .setMaxLength(5),
                                                        new OptionData(OptionType.STRING, OPTION_TIMEZONE,
                                                                "IANA timezone, e.g. Europe/Berlin", true, true)
                                                                .setMaxLength(MAX_TIMEZONE)),
                                        new SubcommandData("remind-off", "Stop the daily practice reminder")),
                        new SubcommandGroupData("queue", "Appealed and provisional grades to review (Manage Server)")
                                .addSubcommands(
                                        new SubcommandData("show", "The oldest pending answer, with similar ones grouped"),
                                        new SubcommandData("accept", "Regrade the group shown as correct, or partial")
                                                .addOptions(itemOption(),
                                                        new OptionData(OptionType.INTEGER, "score",
                                                                "1-99 for partial credit (default: 100, correct)")
                                                                .setMinValue(1).setMaxValue(100),
                                                        bankOption("Add the answer to the question's accepted answers"),
                                                        bankTextOption()),
                                        new SubcommandData("reject", "Keep the grades of the group shown")
                                                .addOptions(itemOption(),
                                                        new OptionData(OptionType.STRING, "note", "For the players")
                                                                .setMaxLength(MAX_REASON),
                                                        bankOption("Add the answer to the question's misconceptions"),
                                                        bankTextOption()),
                                        new SubcommandData("skip", "Move the group shown to the back of the queue")
                                                .addOptions(itemOption()),
                                        new SubcommandData("split", "Decide the first answer shown on its own")
                                                .addOptions(itemOption()),
                                        new SubcommandData("web", "A private link to the queue's web page")),
                        new SubcommandGroupData("schedule", "Daily questions in this channel (Manage Server)")
                                .addSubcommands(
                                        new SubcommandData("set", "Post a question on a schedule")
                                                .addOptions(
                                                        new OptionData(OptionType.STRING, "when",
                                                                "\"daily HH:MM\" or a cron expression", true)
                                                                .setMaxLength(MAX_SCHEDULE_WHEN),
                                                        new OptionData(OptionType.STRING, OPTION_TIMEZONE,
                                                                "IANA timezone, e.g. Europe/Berlin", true, true)
                                                                .setMaxLength(MAX_TIMEZONE),
                                                        topicOption(), difficultyOption()),
                                        new SubcommandData("list", "List this channel's schedules"),
                                        new SubcommandData("remove", "Remove a schedule")
                                                .addOptions(new OptionData(OptionType.INTEGER, "id",
                                                        "The schedule's id from /quiz schedule list", true)
                                                        .setMinValue(1))));
    }

    private static OptionData topicOption() {
        return new OptionData(OptionType.STRING, OPTION_TOPIC, "Topic (default: any)", false, true)
                .setMaxLength(MAX_TOPIC);
    }

    private static OptionData difficultyOption() {
        OptionData option = new OptionData(OptionType.STRING, "difficulty", "Difficulty (default: any)");
        for (Difficulty difficulty : Difficulty.values()) {
            option.addChoice(difficulty.slug(), difficulty.slug());
        }
        return option;
    }

    private static OptionData itemOption() {
        return new OptionData(OptionType.INTEGER, "item", "A queue item's number (default: the group shown)")
                .setMinValue(1);
    }

    private static OptionData bankOption(String description) {
        return new OptionData(OptionType.BOOLEAN, "bank", description);
    }

    private static OptionData bankTextOption() {
        return new OptionData(OptionType.STRING, "bank-text", "A shortened form to add instead of the answer")
                .setMaxLength(MAX_BANK_TEXT);
    }

    private static OptionData teamName() {
        return new OptionData(OptionType.STRING, "name", "Team name", true).setMaxLength(MAX_TEAM_NAME);
    }

    /**
     * The core command for {@code /quiz [group] name options}; empty for an invocation this
     * version does not know (a stale registration), which the caller answers with help.
     */
    static Optional<Command> translate(String group, String name, Options options) {
        String path = group == null ? name : group + " " + name;
        return Optional.ofNullable(switch (path) {
            case "ask" -> new Command.Ask(options.get(OPTION_TOPIC), difficulty(options));
            case "leaderboard" -> options.get("publish").isPresent()
                    ? new Command.LeaderboardPublish(options.get("publish").get().equalsIgnoreCase("on"))
                    : new Command.Leaderboard(
                    options.get("scope").map(QuizCommands::scope).orElse(Command.Leaderboard.DEFAULT_SCOPE),
                    options.get("period").map(QuizCommands::period).orElse(Command.Leaderboard.DEFAULT_PERIOD));
            case "stats" -> new Command.Stats(options.get("user"));
            case "topics" -> new Command.Topics();
            case "question" -> new Command.Question();
            case "help" -> new Command.Help();
            case "reload" -> new Command.ReloadBank();
            case "team create" -> new Command.TeamCreate(options.get("name").orElse("").strip());
            case "team join" -> new Command.TeamJoin(options.get("name").orElse("").strip());
            case "team leave" -> new Command.TeamLeave();
            case "team list" -> new Command.TeamList();
            case "schedule set" -> new Command.ScheduleSet(options.get("when").orElse("").strip(),
                    options.get(OPTION_TIMEZONE).orElse("").strip(), options.get(OPTION_TOPIC), difficulty(options));
            case "schedule list" -> new Command.ScheduleList();
            case "review" -> new Command.ReviewMistakes(options.get(OPTION_TOPIC));
            case "appeal" -> new Command.Appeal(options.get("round").map(QuizCommands::id), options.get("reason"));
            case "queue show" -> new Command.Review(new ReviewAction.Show());
            case "queue accept" -> new Command.Review(new ReviewAction.Accept(item(options),
                    options.get("score").map(QuizCommands::id).map(Long::intValue), bank(options), options.get("bank-text")));
            case "queue reject" -> new Command.Review(new ReviewAction.Reject(item(options), options.get("note"),
                    bank(options), options.get("bank-text")));
            case "queue skip" -> new Command.Review(new ReviewAction.Skip(item(options)));
            case "queue split" -> new Command.Review(new ReviewAction.Split(item(options)));
            case "queue web" -> new Command.Review(new ReviewAction.Web());
            case "practice start" -> new Command.PracticeStart(options.get(OPTION_TOPIC), difficulty(options));
            case "practice answer" -> new Command.PracticeAnswer(options.get("text").orElse(""));
            case "practice stop" -> new Command.PracticeStop();
            case "practice remind" -> new Command.PracticeRemind(options.get("time").orElse("").strip(),
                    options.get(OPTION_TIMEZONE).orElse("").strip());
            case "practice remind-off" -> new Command.PracticeRemindOff();
            case "schedule remove" -> options.get("id").map(QuizCommands::id)
                    .map(Command.ScheduleRemove::new).orElse(null);
            default -> null;
        });
    }

    /** Leaderboards are for everyone in the channel; every other reply is for the caller only. */
    static boolean answersPublicly(Command command) {
        return command instanceof Command.Leaderboard;
    }

    private static Optional<Difficulty> difficulty(Options options) {
        return options.get("difficulty").flatMap(Difficulty::parse);
    }

    /** Unknown choice values (an older registration) fall back to the defaults rather than fail. */
    private static Scope scope(String value) {
        return Arrays.stream(Scope.values()).filter(s -> s.name().equalsIgnoreCase(value)).findFirst()
                .orElse(Command.Leaderboard.DEFAULT_SCOPE);
    }

    private static Period period(String value) {
        return Arrays.stream(Period.values()).filter(p -> p.name().equalsIgnoreCase(value)).findFirst()
                .orElse(Command.Leaderboard.DEFAULT_PERIOD);
    }

    private static Optional<Long> item(Options options) {
        return options.get("item").map(QuizCommands::id);
    }

    /** {@code bank-text} alone means the admin wants it added too. */
    private static boolean bank(Options options) {
        return options.get("bank").map(Boolean::parseBoolean).orElse(false) || options.get("bank-text").isPresent();
    }

    private static Long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
