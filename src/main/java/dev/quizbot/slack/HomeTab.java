package dev.quizbot.slack;

import java.util.Optional;
import java.util.concurrent.Executor;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.bolt.response.Response;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChatService;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Period;
import dev.quizbot.chat.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The App Home tab: the visitor's own stats and the workspace leaderboard, fresh on every visit. */
class HomeTab {

    private static final Logger log = LoggerFactory.getLogger(HomeTab.class);

    private final ChatService chat;
    private final SlackUsers users;
    private final SlackApi api;
    private final Executor work;

    HomeTab(ChatService chat, SlackUsers users, SlackApi api, Executor work) {
        this.chat = chat;
        this.users = users;
        this.api = api;
        this.work = work;
    }

    Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if ("home".equals(event.getTab())) {
            work.execute(() -> publish(payload.getTeamId(), event.getChannel(), event.getUser()));
        }
        return ctx.ack();
    }

    private void publish(String teamId, String channelId, String userId) {
        try {
            Caller caller = users.caller(teamId, channelId, userId, null);
            var stats = SlackBlocks.reply(chat.handle(caller, new Command.Stats(Optional.empty())));
            var board = SlackBlocks.reply(chat.handle(caller, new Command.Leaderboard(Scope.SERVER, Period.ALL)));
            api.<ViewsPublishResponse>call("views.publish", c -> c.viewsPublish(r -> r
                    .userId(userId).view(SlackBlocks.home(stats, board))));
        } catch (RuntimeException e) {
            log.error("Could not publish the App Home for {}", userId, e);
        }
    }
}
