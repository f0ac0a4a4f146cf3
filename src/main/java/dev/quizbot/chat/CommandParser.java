package dev.quizbot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.quizbot.bank.Difficulty;

/**
 * Reads a typed command ({@code ask rag hard}, {@code leaderboard server week},
 * {@code schedule set "0 0 9 * * MON-FRI" America/New_York}) into a {@link Command}, or says
 * what is wrong with it and shows the right form. A leading "/" or "/quiz" is ignored, so
 * slash-command habits work too. Only the shape is checked here; whether a topic, timezone
 * or cron expression exists is the service's business, because adapters with structured
 * options skip this parser.
 */
public final class CommandParser {

    /** Longer lines are refused before any parsing (answers have their own, smaller limit). */
    public static final int MAX_LINE_LENGTH = 20_000;

    /** An IANA name in any case, or one of the abbreviations people type for one (the service suggests the name). */
    private static final Pattern ZONE_LIKE = Pattern.compile("(?i)[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+"
            + "|UTC|GMT|Z|[ECMP][SD]T|CES?T|EES?T|WES?T|BST|IST|JST|AES?T");
    /** Words a topic may take ("fine tuning"); each command checks its own total. */
    private static final int MAX_TOPIC_WORDS = 4;
    private static final Pattern ROUND_REF = Pattern.compile("#(\\d{1,18})");

    public sealed interface Result {
        /** A well-formed command. */
        record Parsed(Command command) implements Result {
        }

        /** Not a command quizbot understands; {@code usage} shows the right form. */
        record Invalid(String reason, String usage) implements Result {
        }
    }

    private record Token(String text, boolean quoted) {
    }

    private CommandParser() {
    }

    public static Result parse(String line) {
        if (line == null || line.isBlank()) {
            return invalid("Type a command.", HelpTexts.HELP);
        }
        if (line.length() > MAX_LINE_LENGTH) {
            return invalid("That line is " + line.length() + " characters; the limit is " + MAX_LINE_LENGTH + ".",
                    HelpTexts.ANSWER);
        }
        String text = line.strip();
        if (text.startsWith("/")) {
            text = text.substring(1).strip();
            if (text.toLowerCase(Locale.ROOT).startsWith("quiz ")) {
                text = text.substring(5).strip();
            }
        }
        String[] head = text.split("\\s+", 2);
        String verb = head[0].toLowerCase(Locale.ROOT);
        String rest = head.length > 1 ? head[1].strip() : "";
        if (verb.equals("answer") || verb.equals("a")) {
            return answer(rest);
        }
        // Reasons and notes are free text (apostrophes included), so these read the raw rest.
        if (verb.equals("appeal")) {
            return Appeals.appeal(rest);
        }
        if (verb.equals("review") && !rest.toLowerCase(Locale.ROOT).startsWith("mistakes")) {
            return Appeals.review(rest);
        }
        List<Token> args;
        try {
            args = tokens(rest);
        } catch (IllegalArgumentException unbalanced) {
            return new Result.Invalid(unbalanced.getMessage(), usageOf(verb));
        }
        return switch (verb) {
            case "ask", "quiz", "q" -> ask(args);
            case "leaderboard", "lb", "top", "board" -> leaderboard(args);
            case "stats" -> rest.isEmpty() ? parsed(new Command.Stats(Optional.empty()))
                    : parsed(new Command.Stats(Optional.of(rest)));
            case "question", "current" -> args.isEmpty() ? parsed(new Command.Question())
                    : invalid("`question` takes no arguments: it shows this channel's open question.", HelpTexts.QUESTION);
            case "topics" -> args.isEmpty() ? parsed(new Command.Topics())
                    : invalid("`topics` takes no arguments.", HelpTexts.TOPICS);
            case "team" -> team(args, rest);
            case "teams" -> parsed(new Command.TeamList());
            case "schedule" -> schedule(args);
            case "schedules" -> parsed(new Command.ScheduleList());
            case "reload" -> parsed(new Command.ReloadBank());
            case "bank" -> args.size() == 1 && args.getFirst().text().equalsIgnoreCase("reload")
                    ? parsed(new Command.ReloadBank()) : invalid("Did you mean `reload`?", HelpTexts.RELOAD);
            case "practice", "practise", "drill" -> Practice.parse(args, rest);
            case "review", "mistakes" -> Practice.review(verb, args);
            case "help", "?", "commands" -> parsed(new Command.Help());
            default -> new Result.Invalid("Unknown command '" + head[0] + "'. Type `help` for the list.",
                    String.join("\n", HelpTexts.ALL.stream().map(Views.CommandHelp::usage).toList()));
        };
    }

    private static Result answer(String rest) {
        Optional<Long> round = Optional.empty();
        String text = rest;
        String[] first = rest.split("\\s+", 2);
        var ref = ROUND_REF.matcher(first[0]);
        if (ref.matches()) {
            round = Optional.of(Long.parseLong(ref.group(1)));
            text = first.length > 1 ? first[1].strip() : "";
        }
        if (text.isEmpty()) {
            return invalid("Your answer is empty: write it after `answer`.", HelpTexts.ANSWER);
        }
        return parsed(new Command.Answer(round, text));
    }

    private static Result ask(List<Token> args) {
        if (args.size() > MAX_TOPIC_WORDS + 1) {
            return invalid("`ask` takes at most a topic and a difficulty.", HelpTexts.ASK);
        }
        Filters filters = Filters.of(args);
        if (filters.surplus().isPresent()) {
            return invalid("`ask` takes one topic and one difficulty, not '" + filters.surplus().get() + "' as well.",
                    HelpTexts.ASK);
        }
        return parsed(new Command.Ask(filters.topic(), filters.difficulty()));
    }

    /**
     * A topic and a difficulty, in either order, the difficulty at most once (a word that parses
     * as a difficulty is one). The other words make up the topic ("fine tuning"), which the
     * service matches against the bank and, when it names no topic, explains ("rag impossible":
     * 'impossible' is not a difficulty). {@code surplus} is a second difficulty or a word past
     * {@link #MAX_TOPIC_WORDS}.
     */
    private record Filters(Optional<String> topic, Optional<Difficulty> difficulty, Optional<String> surplus) {

        static Filters of(List<Token> args) {
            List<String> topic = new ArrayList<>();
            Optional<Difficulty> difficulty = Optional.empty();
            for (Token arg : args) {
                Optional<Difficulty> d = Difficulty.parse(arg.text());
                if (d.isPresent() && difficulty.isEmpty()) {
                    difficulty = d;
                } else if (d.isEmpty() && topic.size() < MAX_TOPIC_WORDS) {
                    topic.add(arg.text());
                } else {
                    return new Filters(joined(topic), difficulty, Optional.of(arg.text()));
                }
            }
            return new Filters(joined(topic), difficulty, Optional.empty());
        }

        private static Optional<String> joined(List<String> words) {
            return words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
        }
    }

    private static Result leaderboard(List<Token> args) {
        if (!args.isEmpty() && args.getFirst().text().equalsIgnoreCase("publish")) {
            String state = args.size() == 2 ? args.get(1).text().toLowerCase(Locale.ROOT) : "";
            return switch (state) {
                case "on", "yes", "true" -> parsed(new Command.LeaderboardPublish(true));
                case "off", "no", "false" -> parsed(new Command.LeaderboardPublish(false));
                default -> invalid("Say `leaderboard publish on` or `leaderboard publish off`.",
                        HelpTexts.LEADERBOARD_PUBLISH);
            };
        }
        Optional<Scope> scope = Optional.empty();
        Optional<Period> period = Optional.empty();
        for (Token arg : args) {
            String word = arg.text().toLowerCase(Locale.ROOT);
            Optional<Scope> s = switch (word) {
                case "channel", "here" -> Optional.of(Scope.CHANNEL);
                case "server", "workspace", "guild", "all-channels" -> Optional.of(Scope.SERVER);
                case "team", "teams" -> Optional.of(Scope.TEAM);
                default -> Optional.empty();
            };
            Optional<Period> p = switch (word) {
                case "today", "day" -> Optional.of(Period.TODAY);
                case "week" -> Optional.of(Period.WEEK);
                case "month" -> Optional.of(Period.MONTH);
                case "all", "all-time", "alltime", "ever" -> Optional.of(Period.ALL);
                default -> Optional.empty();
            };
            if (s.isPresent() && scope.isEmpty()) {
                scope = s;
            } else if (p.isPresent() && period.isEmpty()) {
                period = p;
            } else {
                return invalid("'" + arg.text() + "' is not a leaderboard scope (channel, server, team) or window"
                        + " (today, week, month, all), or it was given twice.", HelpTexts.LEADERBOARD);
            }
        }
        return parsed(new Command.Leaderboard(scope.orElse(Command.Leaderboard.DEFAULT_SCOPE),
                period.orElse(Command.Leaderboard.DEFAULT_PERIOD)));
    }

    private static Result team(List<Token> args, String rest) {
        if (args.isEmpty()) {
            return invalid("`team` needs create, join, leave or list.", HelpTexts.TEAM);
        }
        String sub = args.getFirst().text().toLowerCase(Locale.ROOT);
        String name = rest.length() > sub.length() ? rest.substring(sub.length()).strip() : "";
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("'") && name.endsWith("'"))) {
            name = name.substring(1, name.length() - 1).strip();
        }
        return switch (sub) {
            case "create", "new" -> name.isEmpty() ? invalid("Name the team: `team create NAME`.", HelpTexts.TEAM)
                    : parsed(new Command.TeamCreate(name));
            case "join" -> name.isEmpty() ? invalid("Which team? `team join NAME` (`team list` shows them).", HelpTexts.TEAM)
                    : parsed(new Command.TeamJoin(name));
            case "leave" -> args.size() == 1 ? parsed(new Command.TeamLeave())
                    : invalid("`team leave` takes no name: you leave your own team.", HelpTexts.TEAM);
            case "list" -> parsed(new Command.TeamList());
            default -> invalid("`team " + sub + "` is not a team command.", HelpTexts.TEAM);
        };
    }

    private static Result schedule(List<Token> args) {
        if (args.isEmpty()) {
            return invalid("`schedule` needs set, list or remove.", HelpTexts.SCHEDULE_SET);
        }
        String sub = args.getFirst().text().toLowerCase(Locale.ROOT);
        List<Token> rest = args.subList(1, args.size());
        return switch (sub) {
            case "list" -> parsed(new Command.ScheduleList());
            case "remove", "delete", "rm" -> {
                if (rest.size() != 1 || !rest.getFirst().text().matches("#?\\d{1,18}")) {
                    yield invalid("Give the schedule's number, as `schedule list` shows it.", HelpTexts.SCHEDULE_REMOVE);
                }
                yield parsed(new Command.ScheduleRemove(Long.parseLong(rest.getFirst().text().replace("#", ""))));
            }
            case "set", "add" -> scheduleSet(rest);
            default -> invalid("`schedule " + sub + "` is not a schedule command.", HelpTexts.SCHEDULE_SET);
        };
    }

    private static Result scheduleSet(List<Token> args) {
        if (args.isEmpty()) {
            return invalid("Say when and in which timezone.", HelpTexts.SCHEDULE_SET);
        }
        String when;
        int next;
        Token first = args.getFirst();
        if (first.text().equalsIgnoreCase("daily") && !first.quoted()) {
            if (args.size() < 2) {
                return invalid("`daily` needs a time, like daily 09:00.", HelpTexts.SCHEDULE_SET);
            }
            when = "daily " + args.get(1).text();
            next = 2;
        } else if (first.quoted() || first.text().startsWith("@")) {
            when = first.text();
            next = 1;
        } else {
            List<String> fields = new ArrayList<>();
            next = 0;
            while (next < args.size() && !ZONE_LIKE.matcher(args.get(next).text()).matches() && fields.size() < 7) {
                fields.add(args.get(next++).text());
            }
            when = String.join(" ", fields);
        }
        if (next >= args.size()) {
            return invalid("Add an IANA timezone after '" + when + "', like Europe/Berlin or America/New_York.",
                    HelpTexts.SCHEDULE_SET);
        }
        String zone = args.get(next++).text();
        Filters filters = Filters.of(args.subList(next, args.size()));
        if (filters.surplus().isPresent()) {
            return invalid("After the timezone come at most a topic and a difficulty; '" + filters.surplus().get()
                    + "' is one too many.", HelpTexts.SCHEDULE_SET);
        }
        return parsed(new Command.ScheduleSet(when, zone, filters.topic(), filters.difficulty()));
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("A quote " + c + " is not closed.");
                }
                tokens.add(new Token(text.substring(i + 1, end), true));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(text.substring(i, end), false));
                i = end;
            }
        }
        return tokens;
    }

    private static String usageOf(String verb) {
        return switch (verb) {
            case "ask" -> HelpTexts.ASK.usage();
            case "leaderboard" -> HelpTexts.LEADERBOARD.usage();
            case "team" -> HelpTexts.TEAM.usage();
            case "schedule" -> HelpTexts.SCHEDULE_SET.usage();
            case "practice" -> HelpTexts.PRACTICE.usage();
            default -> HelpTexts.HELP.usage();
        };
    }

    /** {@code practice ...} and {@code review mistakes ...}. */
    private static final class Practice {

        static Result parse(List<Token> args, String rest) {
            String sub = args.isEmpty() ? "" : args.getFirst().text().toLowerCase(Locale.ROOT);
            List<Token> after = args.isEmpty() ? args : args.subList(1, args.size());
            return switch (sub) {
                case "stop", "end", "quit", "done" -> after.isEmpty() ? parsed(new Command.PracticeStop())
                        : invalid("`practice stop` takes nothing after it.", HelpTexts.PRACTICE);
                case "answer", "a" -> {
                    String text = rest.substring(args.getFirst().text().length()).strip();
                    yield text.isEmpty() ? invalid("Your answer is empty: write it after `practice answer`.",
                            HelpTexts.PRACTICE) : parsed(new Command.PracticeAnswer(text));
                }
                case "remind", "reminder" -> remind(after);
                case "start" -> start(after);
                default -> start(args);
            };
        }

        private static Result start(List<Token> args) {
            Filters filters = Filters.of(args);
            if (filters.surplus().isPresent()) {
                return invalid("`practice` takes at most a topic and a difficulty, not '" + filters.surplus().get()
                        + "' as well.", HelpTexts.PRACTICE);
            }
            return parsed(new Command.PracticeStart(filters.topic(), filters.difficulty()));
        }

        private static Result remind(List<Token> args) {
            if (args.size() == 1 && args.getFirst().text().equalsIgnoreCase("off")) {
                return parsed(new Command.PracticeRemindOff());
            }
            if (args.size() != 2) {
                return invalid("Say when and in which timezone, like `practice remind 08:30 Europe/Berlin`,"
                        + " or `practice remind off`.", HelpTexts.PRACTICE_REMIND);
            }
            return parsed(new Command.PracticeRemind(args.get(0).text(), args.get(1).text()));
        }

        static Result review(String verb, List<Token> args) {
            List<Token> rest = args;
            if (verb.equals("review")) {
                if (args.isEmpty() || !args.getFirst().text().equalsIgnoreCase("mistakes")) {
                    return invalid("Did you mean `review mistakes [topic]`?", HelpTexts.REVIEW);
                }
                rest = args.subList(1, args.size());
            }
            if (rest.size() > 1) {
                return invalid("`review mistakes` takes at most one topic.", HelpTexts.REVIEW);
            }
            return parsed(new Command.ReviewMistakes(rest.stream().findFirst().map(Token::text)));
        }
    }

    /** {@code appeal [#round] [reason]} and the admins' {@code review ...} commands. */
    private static final class Appeals {

        /** Free text a player or admin types here; the service applies the exact limits. */
        static final int MAX_FREE_TEXT = 2_000;

        static Result appeal(String rest) {
            Optional<Long> round = Optional.empty();
            String reason = rest;
            String[] first = rest.split("\\s+", 2);
            var ref = ROUND_REF.matcher(first[0]);
            if (ref.matches()) {
                round = Optional.of(Long.parseLong(ref.group(1)));
                reason = first.length > 1 ? first[1].strip() : "";
            }
            if (reason.length() > MAX_FREE_TEXT) {
                return invalid("Your reason is " + reason.length() + " characters; keep it short.", HelpTexts.APPEAL);
            }
            return parsed(new Command.Appeal(round, reason.isEmpty() ? Optional.empty() : Optional.of(reason)));
        }

        static Result review(String rest) {
            if (rest.isEmpty()) {
                return parsed(new Command.Review(new ReviewAction.Show()));
            }
            if (rest.length() > MAX_FREE_TEXT) {
                return invalid("That is " + rest.length() + " characters; keep notes short.", HelpTexts.REVIEW_QUEUE);
            }
            String[] head = rest.split("\\s+", 2);
            String sub = head[0].toLowerCase(Locale.ROOT);
            String tail = head.length > 1 ? head[1].strip() : "";
            Optional<Long> item = Optional.empty();
            String[] first = tail.split("\\s+", 2);
            var ref = ROUND_REF.matcher(first[0]);
            if (ref.matches()) {
                item = Optional.of(Long.parseLong(ref.group(1)));
                tail = first.length > 1 ? first[1].strip() : "";
            }
            return switch (sub) {
                case "accept" -> accept(item, tail);
                case "reject" -> reject(item, tail);
                case "skip" -> tail.isEmpty() ? parsed(new Command.Review(new ReviewAction.Skip(item)))
                        : invalid("`review skip` takes no more than an item (#12).", HelpTexts.REVIEW_QUEUE);
                case "split" -> tail.isEmpty() ? parsed(new Command.Review(new ReviewAction.Split(item)))
                        : invalid("`review split` takes no more than an item (#12).", HelpTexts.REVIEW_QUEUE);
                case "web" -> tail.isEmpty() && item.isEmpty() ? parsed(new Command.Review(new ReviewAction.Web()))
                        : invalid("`review web` takes nothing more.", HelpTexts.REVIEW_QUEUE);
                default -> invalid("Did you mean `review mistakes [topic]`, or (admins) `review`, `review accept`,"
                        + " `review reject`, `review skip`, `review split` or `review web`?", HelpTexts.REVIEW_QUEUE);
            };
        }

        private static Result accept(Optional<Long> item, String tail) {
            Optional<Integer> score = Optional.empty();
            String[] first = tail.split("\\s+", 2);
            if (first[0].matches("\\d{1,4}")) {
                score = Optional.of(Integer.parseInt(first[0]));
                tail = first.length > 1 ? first[1].strip() : "";
            } else if (first[0].matches("-\\d+|\\d+")) {
                return invalid("The score must be a whole number from 1 to 100.", HelpTexts.REVIEW_QUEUE);
            }
            Optional<Optional<String>> bank = bank(tail);
            if (bank.isEmpty() && !tail.isEmpty()) {
                return invalid("`review accept` takes an optional score and `bank [text]`, not '" + tail + "'.",
                        HelpTexts.REVIEW_QUEUE);
            }
            return parsed(new Command.Review(new ReviewAction.Accept(item, score, bank.isPresent(),
                    bank.flatMap(b -> b))));
        }

        private static Result reject(Optional<Long> item, String tail) {
            Optional<Optional<String>> bank = bank(tail);
            if (bank.isPresent()) {
                return parsed(new Command.Review(new ReviewAction.Reject(item, Optional.empty(), true, bank.get())));
            }
            return parsed(new Command.Review(new ReviewAction.Reject(item,
                    tail.isEmpty() ? Optional.empty() : Optional.of(tail), false, Optional.empty())));
        }

        /** {@code bank [text]}: present when the words start with "bank"; the text, unquoted, if any. */
        private static Optional<Optional<String>> bank(String tail) {
            String[] first = tail.split("\\s+", 2);
            if (!first[0].equalsIgnoreCase("bank")) {
                return Optional.empty();
            }
            String text = first.length > 1 ? first[1].strip() : "";
            if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                    || text.startsWith("'") && text.endsWith("'"))) {
                text = text.substring(1, text.length() - 1).strip();
            }
            return Optional.of(text.isEmpty() ? Optional.empty() : Optional.of(text));
        }
    }

    private static Result parsed(Command command) {
        return new Result.Parsed(command);
    }

    private static Result invalid(String reason, Views.CommandHelp help) {
        return new Result.Invalid(reason, help.usage());
    }
}
