package dev.quizbot.slack;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.ViewState;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChatService;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Answer" button and the answer modal. The button opens the modal; a submission goes to
 * the core as {@link Command.Answer}. If the core answers within {@link #FEEDBACK_BUDGET}, the
 * feedback replaces the modal's content in the acknowledgement itself (no race with the close);
 * otherwise the modal closes and the feedback follows as an ephemeral message only the
 * answerer sees.
 */
class AnswerForm {

    private static final Logger log = LoggerFactory.getLogger(AnswerForm.class);
    /** Slack waits 3 s for the acknowledgement; leave room for the network. */
    static final Duration FEEDBACK_BUDGET = Duration.ofMillis(2_000);

    private final ChatService chat;
    private final SlackUsers users;
    private final SlackApi api;
    private final RoundPosts posts;
    private final UserRateLimit rateLimit;
    private final Executor work;

    AnswerForm(ChatService chat, SlackUsers users, SlackApi api, RoundPosts posts, UserRateLimit rateLimit,
               Executor work) {
        this.chat = chat;
        this.users = users;
        this.api = api;
        this.posts = posts;
        this.rateLimit = rateLimit;
        this.work = work;
    }

    /** Where an answer belongs, carried through the modal in {@code private_metadata}. */
    record Target(long roundId, String teamId, String channelId) {

        String encode() {
            return roundId + ":" + teamId + ":" + channelId;
        }

        static Optional<Target> decode(String metadata) {
            String[] parts = metadata == null ? new String[0] : metadata.split(":");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Target(Long.parseLong(parts[0]), parts[1], parts[2]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    Response open(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        work.execute(() -> openModal(payload));
        return ctx.ack();
    }

    private void openModal(BlockActionPayload payload) {
        String value = payload.getActions().getFirst().getValue();
        long roundId;
        try {
            roundId = Long.parseLong(value);
        } catch (NumberFormatException e) {
            log.warn("Answer button without a round id: {}", value);
            return;
        }
        String channelId = payload.getChannel().getId();
        var target = new Target(roundId, payload.getTeam().getId(), channelId);
        String question = posts.find(roundId).map(p -> p.question().text())
                .orElseGet(() -> payload.getMessage() != null && payload.getMessage().getText() != null
                        ? payload.getMessage().getText() : "");
        SlackCall<ViewsOpenResponse> call = api.call("views.open", c -> c.viewsOpen(r -> r
                .triggerId(payload.getTriggerId()).view(SlackBlocks.answerModal(question, target.encode()))));
        if (call instanceof SlackCall.Failed<ViewsOpenResponse>(String error)) {
            ephemeral(channelId, payload.getUser().getId(), SlackBlocks.text(
                    ":warning: I could not open the answer form (`" + error + "`). Press *Answer* again."));
        }
    }

    Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        Optional<Target> target = Target.decode(payload.getView().getPrivateMetadata());
        String text = answerText(payload.getView().getState());
        if (target.isEmpty()) {
            return ctx.ackWithUpdate(SlackBlocks.resultModal(SlackBlocks.text(
                    ":warning: This answer form has expired. Press *Answer* on the question again.")));
        }
        if (text.isBlank()) {
            return ctx.ackWithErrors(Map.of(SlackBlocks.ANSWER_BLOCK, "Write an answer first."));
        }
        String userId = payload.getUser().getId();
        String userName = payload.getUser().getName();
        if (!rateLimit.allow(target.get().teamId(), userId)) {
            return ctx.ackWithErrors(Map.of(SlackBlocks.ANSWER_BLOCK, "Too many requests; wait a minute and submit again."));
        }
        CompletableFuture<SlackBlocks.Message> feedback = CompletableFuture.supplyAsync(
                () -> grade(target.get(), userId, userName, text), work);
        try {
            return ctx.ackWithUpdate(SlackBlocks.resultModal(
                    feedback.get(FEEDBACK_BUDGET.toMillis(), TimeUnit.MILLISECONDS)));
        } catch (TimeoutException e) {
            // Too slow for the acknowledgement: close the modal, send the feedback when it is ready.
            feedback.whenComplete((message, failure) -> {
                if (failure != null) {
                    log.error("Answer to round {} failed", target.get().roundId(), failure);
                    message = SlackBlocks.text(":warning: Something went wrong on my side while handling your answer."
                            + " Please try again.");
                }
                ephemeral(target.get().channelId(), userId, message);
            });
            return ctx.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.ack();
        } catch (ExecutionException e) {
            log.error("Answer to round {} failed", target.get().roundId(), e.getCause());
            return ctx.ackWithUpdate(SlackBlocks.resultModal(SlackBlocks.text(
                    ":warning: Something went wrong on my side while handling your answer. Please try again.")));
        }
    }

    private SlackBlocks.Message grade(Target target, String userId, String userName, String text) {
        Caller caller = users.caller(target.teamId(), target.channelId(), userId, userName);
        Reply reply = chat.handle(caller, new Command.Answer(Optional.of(target.roundId()), text));
        return SlackBlocks.reply(reply);
    }

    private static String answerText(ViewState state) {
        if (state == null || state.getValues() == null) {
            return "";
        }
        Map<String, ViewState.Value> block = state.getValues().get(SlackBlocks.ANSWER_BLOCK);
        ViewState.Value value = block == null ? null : block.get(SlackBlocks.ANSWER_INPUT);
        return value == null || value.getValue() == null ? "" : value.getValue().strip();
    }

    private void ephemeral(String channelId, String userId, SlackBlocks.Message message) {
        api.<ChatPostEphemeralResponse>call("chat.postEphemeral", c -> c.chatPostEphemeral(r -> r
                .channel(channelId).user(userId).text(message.text()).blocks(message.blocks())));
    }
}
