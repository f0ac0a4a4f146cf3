package dev.quizbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import com.slack.api.bolt.App;
import dev.quizbot.QuizbotApplication;
import dev.quizbot.testing.TestBeans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class SlackWiringTest {

    @Test
    void withoutABotTokenTheAdapterStaysOffAndTheAppStillStarts(@TempDir Path data) {
        try (var context = new SpringApplicationBuilder(QuizbotApplication.class, TestBeans.class)
                .web(WebApplicationType.NONE)
                .run("--quizbot.data-dir=" + data, "--quizbot.slack.bot-token=", "--quizbot.slack.app-token=",
                        "--quizbot.console.enabled=false", "--quizbot.ticker.enabled=false")) {
            assertThat(context.getBeansOfType(App.class)).isEmpty();
            assertThat(context.getBeansOfType(SlackEventsController.class)).isEmpty();
        }
    }

    @Test
    void secretsNeverAppearInThePrintedSettings() {
        var properties = new SlackProperties("xoxb-secret-bot", "signing-secret-value", "xapp-secret-app", "S1",
                false, Duration.ofSeconds(5), null, 20, "https://slack.com/api/");

        assertThat(properties.toString()).doesNotContain("xoxb-secret-bot", "signing-secret-value", "xapp-secret-app")
                .contains("****");
    }

    @Test
    void theServiceRunsOnASingleOkHttpFiveForSlackAndDiscordAlike() {
        // The Slack SDK was built against OkHttp 4; the HTTP tests in this package prove it works on 5.
        assertThat(okhttp3.OkHttp.VERSION).startsWith("5.");
        assertThat(SlackWiringTest.class.getClassLoader().getResource("okhttp3/internal/Util.class")).isNull();
    }

    @Test
    void retryAfterIsHonouredWithinSaneBounds() {
        assertThat(SlackApi.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(SlackApi.retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackApi.retryAfter("86400")).isEqualTo(Duration.ofSeconds(60));
        assertThat(SlackApi.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
    }
}
