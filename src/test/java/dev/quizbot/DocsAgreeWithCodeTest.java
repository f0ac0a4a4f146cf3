package dev.quizbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.quizbot.chat.RateLimitProperties;
import dev.quizbot.console.ConsoleProperties;
import dev.quizbot.scoring.ScoringProperties;

/** The README and docs/ state the defaults the code has, and the two never say different things. */
class DocsAgreeWithCodeTest {

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    /** The properties as Spring binds them with nothing configured: their defaults. */
    private static <T> T defaults(String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, type);
    }

    @Test
    void slacksOwnGuardNeverBitesBeforeTheLimitEveryPlatformShares() throws Exception {
        int slackGuard = defaults("quizbot.slack", dev.quizbot.slack.SlackProperties.class).requestsPerMinute();
        RateLimitProperties limit = defaults("quizbot.rate-limit", RateLimitProperties.class);
        int shared = limit.burst() + limit.perMinute();

        // the most one person gets through the shared limit in a minute: the burst plus a minute's refill
        assertThat(slackGuard).isGreaterThan(shared);
        String row = read("docs/slack.md").lines().filter(l -> l.contains("`quizbot.slack.requests-per-minute`"))
                .findFirst().orElseThrow();
        assertThat(row).contains("default `" + slackGuard + "`").contains("quizbot.rate-limit");
        assertThat(read("README.md")).contains("on every platform alike");
    }

    @Test
    void leaderboardWindowsDefaultToTheMachinesZoneInReadmeAndWebDocsAlike() throws Exception {
        assertThat(new ScoringProperties(null).defaultZone()).isEqualTo(java.time.ZoneId.systemDefault());
        assertThat(read("README.md")).contains("else the machine's)");
        String web = read("docs/web.md");
        assertThat(web).doesNotContain("UTC otherwise").contains("else the machine's zone");
    }

    @Test
    void everyConsoleSettingIsInTheConfigurationTable() throws Exception {
        String row = read("README.md").lines().filter(l -> l.contains("(`quizbot.console.*`)")).findFirst().orElseThrow();
        for (RecordComponent component : ConsoleProperties.class.getRecordComponents()) {
            assertThat(row).as(component.getName()).contains("_" + component.getName().toUpperCase(Locale.ROOT));
        }
        assertThat(row).contains("`" + defaults("quizbot.console", ConsoleProperties.class).channel() + "`");
    }
}
