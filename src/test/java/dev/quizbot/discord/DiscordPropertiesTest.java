package dev.quizbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DiscordPropertiesTest {

    @Test
    void neverPrintsTheToken() {
        DiscordProperties properties = new DiscordProperties("MTIz.secret-token", null,
                new DiscordProperties.Shards(1, null, 0, -1), Duration.ofSeconds(5), 4, "https://discord.com/api/v10/");

        assertThat(properties.toString()).doesNotContain("secret").contains("token=(set)");
    }

    @Test
    void treatsABlankTokenAsNoToken() {
        assertThat(new DiscordProperties("  ", null, new DiscordProperties.Shards(1, null, 0, -1), Duration.ofSeconds(5),
                4, "x").enabled()).isFalse();
    }

    @Test
    void rejectsShardRangesOutsideTheTotal() {
        assertThatThrownBy(() -> new DiscordProperties.Shards(2, null, 1, 2))
                .hasMessageContaining("quizbot.discord.shards.first/last").hasMessageContaining("0..1");
        assertThatThrownBy(() -> new DiscordProperties.Shards(0, null, 0, -1)).hasMessageContaining("positive or -1");
        assertThat(new DiscordProperties.Shards(4, null, 2, 3).partial()).isTrue();
        assertThat(new DiscordProperties.Shards(-1, null, 0, -1).partial()).isFalse();
    }

    @Test
    void readsARangeAsMinMaxOrOneShard() {
        DiscordProperties.Shards middle = new DiscordProperties.Shards(8, " 2 - 5 ", 0, -1);
        DiscordProperties.Shards one = new DiscordProperties.Shards(2, "1", 0, -1);

        assertThat(middle.partial()).isTrue();
        assertThat(middle.min()).isEqualTo(2);
        assertThat(middle.max()).isEqualTo(5);
        assertThat(one.min()).isEqualTo(1);
        assertThat(one.max()).isEqualTo(1);
        assertThat(new DiscordProperties.Shards(2, "", 0, -1).partial()).isFalse();
    }

    @Test
    void refusesARangeBeyondTheTotalNamingTheProperty() {
        assertThatThrownBy(() -> new DiscordProperties.Shards(2, "1-2", 0, -1))
                .hasMessageContaining("quizbot.discord.shards.range").hasMessageContaining("0..1")
                .hasMessageContaining("was 1..2");
        assertThatThrownBy(() -> new DiscordProperties.Shards(4, "3-1", 0, -1))
                .hasMessageContaining("quizbot.discord.shards.range");
    }

    @Test
    void refusesARangeThatIsNotOne() {
        assertThatThrownBy(() -> new DiscordProperties.Shards(4, "0..3", 0, -1))
                .hasMessageContaining("quizbot.discord.shards.range must be min-max").hasMessageContaining("'0..3'");
        assertThatThrownBy(() -> new DiscordProperties.Shards(4, "-1", 0, -1))
                .hasMessageContaining("quizbot.discord.shards.range must be min-max");
        assertThatThrownBy(() -> new DiscordProperties.Shards(4, "1".repeat(500), 0, -1))
                .hasMessageContaining("...'").hasMessageNotContaining("1".repeat(41));
    }

    @Test
    void aRangeNeedsAFixedTotal() {
        // with -1 each instance would take Discord's recommendation, which can change between their starts
        assertThatThrownBy(() -> new DiscordProperties.Shards(-1, "0-1", 0, -1))
                .hasMessageContaining("quizbot.discord.shards.range needs a fixed quizbot.discord.shards.total");
        assertThatThrownBy(() -> new DiscordProperties.Shards(-1, null, 2, -1))
                .hasMessageContaining("quizbot.discord.shards.first/last needs a fixed");
    }

    @Test
    void refusesARangeAndFirstLastTogether() {
        assertThatThrownBy(() -> new DiscordProperties.Shards(4, "0-1", 2, 3))
                .hasMessageContaining("quizbot.discord.shards.range or quizbot.discord.shards.first/last, not both");
    }
}
