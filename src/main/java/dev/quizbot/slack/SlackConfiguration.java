package dev.quizbot.slack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.quizbot.chat.ChatService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the Slack adapter when a bot token is configured; without one none of this exists and
 * the app runs without Slack.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackEnabled.class)
class SlackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

    /** Every slow piece of work (core calls, Web API calls, rate-limit waits) runs here, after the ack. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService slackWork() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slack-", 0).factory());
    }

    @Bean
    Slack slack(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        String url = properties.apiUrl();
        config.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
        // No background metrics threads: the adapter keeps its own view of rate limits.
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    @Bean
    SlackApi slackApi(Slack slack, SlackProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new SlackApi(slack.methods(properties.botToken()), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    SlackUsers slackUsers(SlackApi api, SlackProperties properties) {
        return new SlackUsers(api, properties.adminUserGroup());
    }

    @Bean
    RoundPosts slackRoundPosts(JdbcClient jdbc) {
        return new RoundPosts(jdbc);
    }

    @Bean
    PostOutcomes slackPostOutcomes() {
        return new PostOutcomes();
    }

    @Bean
    SlackAnnouncements slackAnnouncements(SlackApi api, RoundPosts posts, PostOutcomes outcomes,
                                          SlackProperties properties) {
        return new SlackAnnouncements(api, posts, outcomes, properties);
    }

    @Bean(destroyMethod = "stop")
    App slackApp(Slack slack, SlackProperties properties, ChatService chat, SlackUsers users, SlackApi api, RoundPosts posts,
                 PostOutcomes outcomes, ExecutorService slackWork, JdbcClient jdbc, java.time.Clock clock) {
        if (!properties.socketMode() && !SlackProperties.present(properties.signingSecret())) {
            throw new IllegalStateException("Slack is configured with a bot token but without SLACK_SIGNING_SECRET: "
                    + "set it to receive Slack's HTTP requests, or set SLACK_APP_TOKEN for Socket Mode.");
        }
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(properties.botToken())
                .signingSecret(properties.signingSecret())
                .build();
        config.setSlack(slack);
        App app = new App(config);
        app.use(new RetriedDeliveries(jdbc, clock));

        var rateLimit = new UserRateLimit(properties.requestsPerMinute());
        var commands = new QuizCommands(chat, users, outcomes, rateLimit, slackWork);
        var answers = new AnswerForm(chat, users, api, posts, rateLimit, slackWork);
        var home = new HomeTab(chat, users, api, slackWork);
        // Whatever the command is called in a workspace (/quiz by default), it means quizbot.
        app.command(Pattern.compile("^/.+$"), commands::handle);
        app.blockAction(SlackBlocks.ANSWER_ACTION, answers::open);
        app.viewSubmission(SlackBlocks.ANSWER_MODAL, answers::submit);
        var appeals = new AppealForm(chat, users, api, rateLimit, slackWork);
        app.blockAction(SlackBlocks.APPEAL_ACTION, appeals::open);
        app.viewSubmission(SlackBlocks.APPEAL_MODAL, appeals::submit);
        app.blockAction(Pattern.compile("^" + SlackBlocks.REVIEW_ACTION + "[a-z]+$"),
                new ReviewButtons(chat, users, rateLimit, slackWork)::press);
        app.event(AppHomeOpenedEvent.class, home::opened);
        log.info("Slack adapter on: {}", properties.socketMode() ? "Socket Mode" : "HTTP mode at /slack/events");
        return app;
    }

    @Bean
    @Conditional(SlackSocketMode.class)
    SocketModeRunner slackSocketMode(App app, SlackProperties properties) {
        return new SocketModeRunner(app, properties.appToken());
    }
}
