package dev.quizbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.quizbot.chat.ChannelRef;
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

    @Test
    void runsOnlyItsRangeOfShards() throws Exception {
        try (FakeDiscord discord = new FakeDiscord();
             ConfigurableApplicationContext context = app("--quizbot.discord.token=" + TOKEN,
                     "--quizbot.discord.shards.total=2", "--quizbot.discord.shards.range=1-1",
                     "--quizbot.discord.rest-base-url=" + discord.restBaseUrl())) {
            ShardManager shards = context.getBean(ShardManager.class);
            JDA only = shards.getShardById(1);
            only.awaitReady();

            // the manager was built with shard 1 alone, so shard 0 is never queued to identify
            assertThat(shards.getShardsTotal()).isEqualTo(2);
            assertThat(shards.getShards()).extracting(s -> s.getShardInfo().getShardId()).containsExactly(1);
            assertThat(shards.getShardById(0)).isNull();
            assertThat(discord.identifies()).extracting(i -> i.get("shard").toString()).containsExactly("[1,2]");

            // the outbox hands back rows for servers on shard 0, which another instance runs
            DiscordAnnouncer announcer = context.getBean(DiscordAnnouncer.class);
            assertThat(announcer.handles(new ChannelRef("discord", serverOnShard(0, 2), "1"))).isFalse();
            assertThat(announcer.handles(new ChannelRef("discord", serverOnShard(1, 2), "1"))).isTrue();
            shards.shutdown();
            only.awaitShutdown(Duration.ofSeconds(10));
        }
    }

    @Test
    void refusesToStartWithARangeOutsideTheTotal() {
        assertThatThrownBy(() -> app("--quizbot.discord.token=" + TOKEN, "--quizbot.discord.shards.total=2",
                "--quizbot.discord.shards.range=2-3", "--quizbot.discord.rest-base-url=http://127.0.0.1:9/"))
                .satisfies(e -> assertThat(rootCause(e).getMessage())
                        .contains("quizbot.discord.shards.range must lie within 0..1"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A server id Discord would send to {@code shard} of {@code total}: (id >> 22) % total == shard. */
    private static String serverOnShard(int shard, int total) {
        return String.valueOf(((long) (1_000_000 * total + shard)) << 22);
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
