package dev.quizbot.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.webhook.WebhookResponse;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChatService;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.CommandParser;
import dev.quizbot.chat.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /quiz ...}: acknowledged at once, then parsed with the core's {@link CommandParser} (the
 * same words mean the same everywhere), handed to the core and answered through
 * the command's {@code response_url}, privately unless the reply is meant for the channel.
 */
class QuizCommands {

    private static final Logger log = LoggerFactory.getLogger(QuizCommands.class);
    private static final Duration POST_WAIT = Duration.ofSeconds(30);
    /** Slack caps slash-command text well below this; anything longer is not a real command. */
    private static final int MAX_TEXT = 4_000;

    private final ChatService chat;
    private final SlackUsers users;
    private final PostOutcomes outcomes;
    private final UserRateLimit rateLimit;
    private final Executor work;

    QuizCommands(ChatService chat, SlackUsers users, PostOutcomes outcomes, UserRateLimit rateLimit, Executor work) {
        this.chat = chat;
        this.users = users;
        this.outcomes = outcomes;
        this.rateLimit = rateLimit;
        this.work = work;
    }

    Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        work.execute(() -> run(payload, ctx));
        return ctx.ack();
    }

    private void run(SlashCommandPayload payload, SlashCommandContext ctx) {
        try {
            respond(ctx, reply(payload));
        } catch (RuntimeException e) {
            log.error("/quiz failed in channel {}", payload.getChannelId(), e);
            respond(ctx, new Answer(SlackBlocks.text(":warning: Something went wrong on my side. Please try again."), false));
        }
    }

    /** What to send back, and whether the whole channel sees it. */
    private record Answer(SlackBlocks.Message message, boolean inChannel) {
    }

    private Answer reply(SlashCommandPayload payload) {
        String text = payload.getText() == null ? "" : SlackText.plainCommandText(payload.getText()).strip();
        if (!rateLimit.allow(payload.getTeamId(), payload.getUserId())) {
            return new Answer(SlackBlocks.text(UserRateLimit.refusal()), false);
        }
        if (text.length() > MAX_TEXT) {
            return new Answer(SlackBlocks.text(":no_entry: That command is too long."), false);
        }
        // A bare /quiz is a request for help, not a mistake.
        Command command;
        switch (text.isEmpty() ? new CommandParser.Result.Parsed(new Command.Help()) : CommandParser.parse(text)) {
            case CommandParser.Result.Parsed parsed -> command = parsed.command();
            case CommandParser.Result.Invalid invalid -> {
                return new Answer(SlackBlocks.reply(new Reply.Refused(invalid.reason(), invalid.usage())), false);
            }
        }
        Caller caller = users.caller(payload.getTeamId(), payload.getChannelId(), payload.getUserId(),
                payload.getUserName(), adminOnly(command));
        Reply reply = chat.handle(caller, command);
        if (reply instanceof Reply.RoundStarted started) {
            return new Answer(roundStarted(started), false);
        }
        return new Answer(SlackBlocks.reply(reply), !reply.isPrivate());
    }

    /** Commands the core lets only admins run: their caller's rights are looked up afresh. */
    static boolean adminOnly(Command command) {
        return command instanceof Command.ScheduleSet || command instanceof Command.ScheduleRemove
                || command instanceof Command.ReloadBank || command instanceof Command.Review;
    }

    /** The question is posted separately; tell the asker if Slack would not let us post it. */
    private SlackBlocks.Message roundStarted(Reply.RoundStarted started) {
        return outcomes.await(started.question().roundId(), POST_WAIT)
                .filter(outcome -> outcome instanceof SlackCall.Failed<String>)
                .map(outcome -> (SlackCall.Failed<String>) outcome)
                .map(failed -> SlackBlocks.text(failed.channelProblem()
                        ? ":no_entry: I can't post in this channel (`" + failed.error()
                          + "`). Invite me with `/invite @quizbot` and ask again."
                        : ":warning: Slack did not take the question post (`" + failed.error() + "`). Please try again."))
                .orElseGet(() -> SlackBlocks.reply(started));
    }

    private static void respond(SlashCommandContext ctx, Answer answer) {
        try {
            WebhookResponse response = ctx.respond(r -> r
                    .responseType(answer.inChannel() ? "in_channel" : "ephemeral")
                    .text(answer.message().text())
                    .blocks(answer.message().blocks()));
            if (response.getCode() != 200) {
                log.warn("Slack refused the /quiz response: HTTP {}", response.getCode());
            }
        } catch (IOException e) {
            log.warn("Could not send the /quiz response: {}", e.getMessage());
        }
    }
}
