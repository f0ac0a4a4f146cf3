package dev.quizbot.slack;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The adapter runs only with a bot token; without one the rest of the app starts as usual. */
final class SlackEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return SlackProperties.present(context.getEnvironment().getProperty("quizbot.slack.bot-token"));
    }
}
