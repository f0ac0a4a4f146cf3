package dev.quizbot.slack;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** HTTP mode: a bot token and no app-level token (which would select Socket Mode). */
final class SlackHttpMode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return SlackProperties.present(env.getProperty("quizbot.slack.bot-token"))
                && !SlackProperties.present(env.getProperty("quizbot.slack.app-token"));
    }
}
