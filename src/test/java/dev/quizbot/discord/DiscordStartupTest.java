package dev.quizbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.quizbot.QuizbotApplication;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

@ExtendWith(OutputCaptureExtension.class)
class DiscordStartupTest {

    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.never-log-me";

    @TempDir
    Path dataDir;

    @Test
    void staysOffWithoutATokenAndTheApplicationStillStarts() {
        try (ConfigurableApplicationContext context = app("--quizbot.discord.token=")) {
            assertThat(context.getBeansOfType(ShardManager.class)).isEmpty();
            assertThat(context.getBeansOfType(DiscordAnnouncer.class)).isEmpty();
        }
    }

    @Test
    void registersCommandsGloballyWithoutADevelopmentServerAndNeverLogsTheToken(CapturedOutput output)
            throws Exception {
        try (FakeDiscord discord = new FakeDiscord();
             ConfigurableApplicationContext context = app("--quizbot.discord.token=" + TOKEN,
                     "--quizbot.discord.dev-guild-id=", "--quizbot.discord.rest-base-url=" + discord.restBaseUrl())) {
            discord.awaitLogin(Duration.ofSeconds(15));

            FakeDiscord.RestCall registration = discord.await("global registration", Duration.ofSeconds(15),
                    c -> c.is("PUT", "/applications/" + FakeDiscord.APP_ID + "/commands"));

            assertThat(registration.body().get(0).get("name").asString()).isEqualTo("quiz");
            assertThat(discord.identify().get("token").asString()).isEqualTo(TOKEN);
            assertThat(output.getAll()).contains("Starting the Discord bot").doesNotContain("never-log-me");
            context.getBean(ShardManager.class).shutdown();
        }
    }

    @Test
    void runsAsSeveralShardsWhenConfigured() throws Exception {
        try (FakeDiscord discord = new FakeDiscord();
             ConfigurableApplicationContext context = app("--quizbot.discord.token=" + TOKEN,
                     "--quizbot.discord.shards.total=2", "--quizbot.discord.rest-base-url=" + discord.restBaseUrl())) {
            ShardManager shards = context.getBean(ShardManager.class);

            // Discord allows one IDENTIFY per 5 seconds, and JDA keeps to it between shards.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (discord.identifies().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(shards.getShardsTotal()).isEqualTo(2);
            assertThat(discord.identifies()).extracting(i -> i.get("shard").toString())
                    .containsExactlyInAnyOrder("[0,2]", "[1,2]");
            int guildShard = (int) ((Long.parseLong(FakeDiscord.GUILD_ID) >> 22) % 2);
            while (shards.getGuildById(FakeDiscord.GUILD_ID) == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(shards.getShardById(guildShard).getGuildById(FakeDiscord.GUILD_ID)).isNotNull();
            assertThat(shards.getShardById(1 - guildShard).getGuildById(FakeDiscord.GUILD_ID)).isNull();
            List<JDA> sessions = shards.getShards();
            shards.shutdown();
            for (JDA session : sessions) {
                session.awaitShutdown(Duration.ofSeconds(10));
            }
        }
    }

    private ConfigurableApplicationContext app(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--quizbot.data-dir=" + dataDir;
        all[1] = "--server.port=0";
        all[2] = "--quizbot.console.enabled=false";
        all[3] = "--quizbot.ticker.enabled=false";
        System.arraycopy(args, 0, all, 4, args.length);
        return new SpringApplicationBuilder(QuizbotApplication.class, StandInCore.class).run(all);
    }
}
