package dev.quizbot.slack;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPushResponse;
import com.slack.api.model.view.ViewState;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChatService;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "I think I was right" under a round answer's feedback: opens a short form for an optional
 * reason (over the answer form's result when pressed there) and files the appeal with the core
 * as the round's own channel, where the answer was given.
 */
final class AppealForm {

    private static final Logger log = LoggerFactory.getLogger(AppealForm.class);

    private final ChatService chat;
    private final SlackUsers users;
    private final SlackApi api;
    private final UserRateLimit rateLimit;
    private final Executor work;

    AppealForm(ChatService chat, SlackUsers users, SlackApi api, UserRateLimit rateLimit, Executor work) {
        this.chat = chat;
        this.users = users;
        this.api = api;
        this.rateLimit = rateLimit;
        this.work = work;
    }

    Response open(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        work.execute(() -> openForm(payload));
        return ctx.ack();
    }

    private void openForm(BlockActionPayload payload) {
        long roundId;
        try {
            roundId = Long.parseLong(payload.getActions().getFirst().getValue());
        } catch (NumberFormatException e) {
            log.warn("Appeal button without a round id");
            return;
        }
        // the feedback was a reply in the channel, or the answer form's result (which knows its channel)
        Optional<String> channel = Optional.ofNullable(payload.getChannel()).map(BlockActionPayload.Channel::getId)
                .or(() -> Optional.ofNullable(payload.getView())
                        .flatMap(v -> AnswerForm.Target.decode(v.getPrivateMetadata()))
                        .map(AnswerForm.Target::channelId));
        if (channel.isEmpty()) {
            log.warn("Appeal button for round {} pressed where no channel is known", roundId);
            return;
        }
        String metadata = new AnswerForm.Target(roundId, payload.getTeam().getId(), channel.get()).encode();
        var view = SlackBlocks.appealModal(roundId, metadata);
        if (payload.getView() != null) {
            api.<ViewsPushResponse>call("views.push", c -> c.viewsPush(r -> r.triggerId(payload.getTriggerId()).view(view)));
        } else {
            api.<ViewsOpenResponse>call("views.open", c -> c.viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(view)));
        }
    }

    Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        Optional<AnswerForm.Target> target = AnswerForm.Target.decode(payload.getView().getPrivateMetadata());
        if (target.isEmpty()) {
            return ctx.ackWithUpdate(SlackBlocks.resultModal(SlackBlocks.text(
                    ":warning: This appeal form has expired. Use `/quiz appeal #round` instead.")));
        }
        String userId = payload.getUser().getId();
        if (!rateLimit.allow(target.get().teamId(), userId)) {
            return ctx.ackWithErrors(Map.of(SlackBlocks.APPEAL_BLOCK, "Too many requests; wait a minute and submit again."));
        }
        Caller caller = users.caller(target.get().teamId(), target.get().channelId(), userId, payload.getUser().getName());
        Reply reply = chat.handle(caller, new Command.Appeal(Optional.of(target.get().roundId()),
                reason(payload.getView().getState())));
        return ctx.ackWithUpdate(SlackBlocks.resultModal(SlackBlocks.reply(reply)));
    }

    private static Optional<String> reason(ViewState state) {
        if (state == null || state.getValues() == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> block = state.getValues().get(SlackBlocks.APPEAL_BLOCK);
        ViewState.Value value = block == null ? null : block.get(SlackBlocks.APPEAL_INPUT);
        return Optional.ofNullable(value).map(ViewState.Value::getValue).map(String::strip).filter(r -> !r.isEmpty());
    }
}
