package dev.quizbot.slack;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChatService;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.ReviewAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons under a review-queue item: each press is the matching {@code /quiz review ...}
 * for the item shown, answered privately to the admin. Admin rights are looked up afresh, as
 * for every admin command.
 */
final class ReviewButtons {

    private static final Logger log = LoggerFactory.getLogger(ReviewButtons.class);

    private final ChatService chat;
    private final SlackUsers users;
    private final UserRateLimit rateLimit;
    private final Executor work;

    ReviewButtons(ChatService chat, SlackUsers users, UserRateLimit rateLimit, Executor work) {
        this.chat = chat;
        this.users = users;
        this.rateLimit = rateLimit;
        this.work = work;
    }

    Response press(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        work.execute(() -> decide(payload, ctx));
        return ctx.ack();
    }

    /** The core command a button stands for; empty for a button this version does not know. */
    static Optional<Command> command(String actionId, String value) {
        if (actionId == null || !actionId.startsWith(SlackBlocks.REVIEW_ACTION)) {
            return Optional.empty();
        }
        Optional<Long> item;
        try {
            item = Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        ReviewAction action = switch (actionId.substring(SlackBlocks.REVIEW_ACTION.length())) {
            case "accept" -> new ReviewAction.Accept(item, Optional.empty(), false, Optional.empty());
            case "reject" -> new ReviewAction.Reject(item, Optional.empty(), false, Optional.empty());
            case "skip" -> new ReviewAction.Skip(item);
            case "split" -> new ReviewAction.Split(item);
            default -> null;
        };
        return Optional.ofNullable(action).map(Command.Review::new);
    }

    private void decide(BlockActionPayload payload, ActionContext ctx) {
        var pressed = payload.getActions().getFirst();
        Optional<Command> command = command(pressed.getActionId(), pressed.getValue());
        if (command.isEmpty() || payload.getChannel() == null) {
            log.warn("Review button {} not understood", pressed.getActionId());
            return;
        }
        Reply reply;
        if (!rateLimit.allow(payload.getTeam().getId(), payload.getUser().getId())) {
            reply = new Reply.Refused(UserRateLimit.refusal(), "");
        } else {
            Caller caller = users.caller(payload.getTeam().getId(), payload.getChannel().getId(),
                    payload.getUser().getId(), payload.getUser().getName(), true);
            reply = chat.handle(caller, command.get());
        }
        SlackBlocks.Message message = SlackBlocks.reply(reply);
        try {
            ctx.respond(r -> r.responseType("ephemeral").text(message.text()).blocks(message.blocks()));
        } catch (IOException e) {
            log.warn("Could not answer a review button: {}", e.getMessage());
        }
    }
}
