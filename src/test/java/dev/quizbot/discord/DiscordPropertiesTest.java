package dev.quizbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DiscordPropertiesTest {

    @Test
    void neverPrintsTheToken() {
        DiscordProperties properties = new DiscordProperties("MTIz.secret-token", null,
                new DiscordProperties.Shards(1, 0, -1), Duration.ofSeconds(5), 4, "https://discord.com/api/v10/");

        assertThat(properties.toString()).doesNotContain("secret").contains("token=(set)");
    }

    @Test
    void treatsABlankTokenAsNoToken() {
        assertThat(new DiscordProperties("  ", null, new DiscordProperties.Shards(1, 0, -1), Duration.ofSeconds(5),
                4, "x").enabled()).isFalse();
    }

    @Test
    void rejectsShardRangesOutsideTheTotal() {
        assertThatThrownBy(() -> new DiscordProperties.Shards(2, 1, 2)).hasMessageContaining("0..1");
        assertThatThrownBy(() -> new DiscordProperties.Shards(0, 0, -1)).hasMessageContaining("positive or -1");
        assertThat(new DiscordProperties.Shards(4, 2, 3).partial()).isTrue();
        assertThat(new DiscordProperties.Shards(-1, 0, -1).partial()).isFalse();
    }
}
