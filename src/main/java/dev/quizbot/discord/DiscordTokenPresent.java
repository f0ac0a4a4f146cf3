package dev.quizbot.discord;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The adapter runs only with a non-blank token; an empty {@code DISCORD_TOKEN} counts as absent. */
class DiscordTokenPresent implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String token = context.getEnvironment().getProperty("quizbot.discord.token");
        return token != null && !token.isBlank();
    }
}
