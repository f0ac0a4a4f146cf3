package dev.quizbot.chat;

import java.util.List;

/** The one list of commands, their usage and what they do: help replies and usage errors read it. */
public final class HelpTexts {

    public static final Views.CommandHelp ASK = new Views.CommandHelp("ask [topic] [easy|medium|hard]",
            "Post a question to this channel; everyone may answer once before it closes. If one is open, shows it.", false);
    public static final Views.CommandHelp ANSWER = new Views.CommandHelp("answer <text>",
            "Answer the channel's open question. Your grade is shown to you alone until the reveal.", false);
    public static final Views.CommandHelp QUESTION = new Views.CommandHelp("question",
            "Show this channel's open question again, with the time it has left (also: current).", false);
    public static final Views.CommandHelp LEADERBOARD = new Views.CommandHelp(
            "leaderboard [channel|server|team] [today|week|month|all]",
            "Top 10 and your own rank (default: " + Command.Leaderboard.DEFAULT_SCOPE.name().toLowerCase(java.util.Locale.ROOT)
                    + ", " + Command.Leaderboard.DEFAULT_PERIOD.name().toLowerCase(java.util.Locale.ROOT)
                    + "), in this server's timezone.", false);
    public static final Views.CommandHelp LEADERBOARD_PUBLISH = new Views.CommandHelp("leaderboard publish on|off",
            "Show this server's boards, players, teams and rounds on the web page, or stop (off until turned on).",
            true);
    public static final Views.CommandHelp STATS = new Views.CommandHelp("stats [user]",
            "Answers, accuracy, points, streaks, strongest and weakest topics.", false);
    public static final Views.CommandHelp TOPICS = new Views.CommandHelp("topics",
            "The topics questions come from, with how many questions of each difficulty each has.", false);
    public static final Views.CommandHelp TEAM = new Views.CommandHelp("team create|join <name> | team leave | team list",
            "One team per person; teams rank by mean points per active member.", false);
    public static final Views.CommandHelp SCHEDULE_SET = new Views.CommandHelp(
            "schedule set <daily HH:MM | \"cron\"> <IANA timezone> [topic] [difficulty]",
            "Post a question here on a schedule, e.g. schedule set daily 09:00 Europe/Berlin rag,"
                    + " or schedule set \"0 0 9 * * MON-FRI\" America/New_York.", true);
    public static final Views.CommandHelp SCHEDULE_LIST = new Views.CommandHelp("schedule list",
            "This channel's schedules with their next post.", false);
    public static final Views.CommandHelp SCHEDULE_REMOVE = new Views.CommandHelp("schedule remove <id>",
            "Stop a schedule.", true);
    public static final Views.CommandHelp RELOAD = new Views.CommandHelp("reload",
            "Re-read the question bank; an invalid bank is rejected and the current one kept.", true);
    public static final Views.CommandHelp PRACTICE = new Views.CommandHelp("practice [topic] [difficulty]",
            "Private practice: questions due for review first, then weak topics, then new ones."
                    + " Answer with `answer <text>`; `practice stop` ends it. Never counts for leaderboards.", false);
    public static final Views.CommandHelp PRACTICE_REMIND = new Views.CommandHelp(
            "practice remind <HH:MM> <IANA timezone> | practice remind off",
            "A private daily nudge when practice questions are due, at most once a day.", false);
    public static final Views.CommandHelp REVIEW = new Views.CommandHelp("review mistakes [topic]",
            "Your last 10 incorrect or partial answers with the reference answer, for your eyes only.", false);
    public static final Views.CommandHelp APPEAL = new Views.CommandHelp("appeal [#round] [reason]",
            "Think your answer was graded wrong? Ask an admin to look again (your latest answer without #round;"
                    + " once per answer, while the round is open or for a while after it closes, 7 days by default).", false);
    public static final Views.CommandHelp REVIEW_QUEUE = new Views.CommandHelp(
            "review | review accept [#item] [score] [bank [text]] | review reject [#item] [note | bank [claim]]"
                    + " | review skip | review split | review web",
            "The review queue of appealed and provisional grades, similar answers grouped: one decision settles"
                    + " the group and regrades it; `bank` teaches the question the answer (accept) or the claim"
                    + " (reject). `review web` sends you a link to the queue's web page, valid for an hour.", true);
    public static final Views.CommandHelp HELP = new Views.CommandHelp("help", "This list.", false);

    public static final List<Views.CommandHelp> ALL = List.of(ASK, ANSWER, QUESTION, LEADERBOARD, LEADERBOARD_PUBLISH,
            STATS, TOPICS, TEAM, SCHEDULE_SET, SCHEDULE_LIST, SCHEDULE_REMOVE, RELOAD, PRACTICE, PRACTICE_REMIND, REVIEW,
            APPEAL, REVIEW_QUEUE, HELP);

    private HelpTexts() {
    }
}
