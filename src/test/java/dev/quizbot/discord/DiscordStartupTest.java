package dev.quizbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.quizbot.QuizbotApplication;
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
