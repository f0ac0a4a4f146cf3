package dev.quizbot.discord;

import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.chat.ChatService;
import io.micrometer.core.instrument.MeterRegistry;
import net.dv8tion.jda.api.entities.Activity;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the bot when {@code DISCORD_TOKEN} is set. Always through JDA's shard manager: with the
 * default single shard it behaves like one JDA instance, and larger bots only change properties.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DiscordTokenPresent.class)
class DiscordConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DiscordConfiguration.class);

    /**
     * None beyond GUILDS, which JDA always sends (channels, roles and the bot's own member, for
     * permission checks). Answers arrive through modals, so no privileged intent (message
     * content, members, presences) is needed.
     */
    static final EnumSet<GatewayIntent> INTENTS = EnumSet.noneOf(GatewayIntent.class);

    @Bean(destroyMethod = "shutdown")
    ExecutorService discordWork(DiscordProperties properties) {
        // Core calls (grading, database) run here, a few at a time: under a burst of answers,
        // parallel grading (the sentence model itself uses every core) would starve JDA's
        // gateway thread of CPU and delay the acknowledgements Discord wants within 3 s; the
        // burst benchmark measured 427/500 acks in time with 4 at once on 2 cores, 500/500 with 1. Interactions are deferred before they
        // queue here, so waiting costs the user a moment of "thinking...", not an error.
        return Executors.newFixedThreadPool(properties.coreConcurrency(),
                Thread.ofVirtual().name("discord-work-", 0).factory());
    }

    @Bean
    QuestionPosts discordQuestionPosts(JdbcClient jdbc) {
        return new QuestionPosts(jdbc, JsonMapper.builder().findAndAddModules().build());
    }

    @Bean(destroyMethod = "shutdown")
    ShardManager discordShardManager(DiscordProperties properties, ChatService chat, QuestionBankService bank,
                                     ExecutorService discordWork, MeterRegistry meters) {
        DiscordProperties.Shards shards = properties.shards();
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(properties.token(), INTENTS)
                .setRestConfig(new RestConfig().setBaseUrl(properties.restBaseUrl()))
                .setShardsTotal(shards.total())
                .setActivity(Activity.playing("/quiz help"))
                // REST calls block on the network; a burst of answers means hundreds at once, and
                // virtual threads spare JDA creating a platform thread for each.
                .setRateLimitElastic(Executors.newVirtualThreadPerTaskExecutor(), true)
                .addEventListeners(new DiscordInteractions(chat, bank, discordWork, meters),
                        new CommandRegistrar(properties.devGuildId()));
        if (shards.partial()) {
            // JDA then identifies only these; the outbox leaves other servers' rows to their instance
            builder.setShards(shards.min(), shards.max());
        }
        log.info("Starting the Discord bot ({} shard(s){}, commands {})",
                shards.total() == -1 ? "Discord's recommended number of" : String.valueOf(shards.total()),
                shards.partial() ? ", this instance runs " + shards.min() + ".." + shards.max() : "",
                properties.devGuildId() == null || properties.devGuildId().isBlank()
                        ? "registered globally" : "registered in server " + properties.devGuildId());
        return builder.build();
    }

    @Bean
    DiscordPlaceNames discordPlaceNames(ShardManager discordShardManager) {
        return new DiscordPlaceNames(discordShardManager);
    }

    @Bean
    DiscordAnnouncer discordAnnouncer(ShardManager discordShardManager, QuestionPosts posts,
                                      DiscordProperties properties) {
        return new DiscordAnnouncer(discordShardManager, posts, properties.answerCountEditInterval());
    }
}
