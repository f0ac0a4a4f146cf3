package dev.quizbot.discord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Registers {@code /quiz} once the gateway is ready: in the development server only when one is
 * configured (changes show at once), otherwise globally (Discord may take a while to show them
 * everywhere). Global registration goes through shard 0 only, as it is one call for all shards.
 */
class CommandRegistrar extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);

    private final String devGuildId;

    CommandRegistrar(String devGuildId) {
        this.devGuildId = devGuildId == null || devGuildId.isBlank() ? null : devGuildId.strip();
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (devGuildId != null || event.getJDA().getShardInfo().getShardId() != 0) {
            return;
        }
        event.getJDA().updateCommands().addCommands(QuizCommands.definition()).queue(
                commands -> log.info("Registered /{} globally", QuizCommands.NAME),
                failure -> log.error("Could not register /{} globally: {}", QuizCommands.NAME, failure.toString()));
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        if (!event.getGuild().getId().equals(devGuildId)) {
            return;
        }
        event.getGuild().updateCommands().addCommands(QuizCommands.definition()).queue(
                commands -> log.info("Registered /{} in development server {}", QuizCommands.NAME, devGuildId),
                failure -> log.error("Could not register /{} in server {}: {}", QuizCommands.NAME, devGuildId,
                        failure.toString()));
    }
}
