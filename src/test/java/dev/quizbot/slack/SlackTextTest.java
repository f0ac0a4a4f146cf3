package dev.quizbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void mentionsInSlashCommandTextBecomeIds() {
        assertThat(SlackText.plainCommandText("stats <@U024BE7LH|alice>")).isEqualTo("stats U024BE7LH");
        assertThat(SlackText.plainCommandText("stats <@U024BE7LH>")).isEqualTo("stats U024BE7LH");
        assertThat(SlackText.plainCommandText("ask in <#C024BE7LR|general>")).isEqualTo("ask in C024BE7LR");
    }

    @Test
    void escapedCharactersAndLinksComeBackAsTyped() {
        assertThat(SlackText.plainCommandText("team create R&amp;D &lt;3")).isEqualTo("team create R&D <3");
        assertThat(SlackText.plainCommandText("answer see <https://arxiv.org/abs/1706.03762|the paper>"))
                .isEqualTo("answer see the paper");
        assertThat(SlackText.plainCommandText("answer <https://arxiv.org/abs/1706.03762>"))
                .isEqualTo("answer https://arxiv.org/abs/1706.03762");
        assertThat(SlackText.plainCommandText("ping <!here>")).isEqualTo("ping @here");
    }

    @Test
    void outgoingTextIsEscapedSoItCannotMentionOrLink() {
        assertThat(SlackText.escape("<!channel> & <@U1>")).isEqualTo("&lt;!channel&gt; &amp; &lt;@U1&gt;");
    }

    @Test
    void datesCarryAUtcFallbackForClientsThatCannotLocalise() {
        assertThat(SlackText.date(Instant.parse("2026-03-29T01:30:00Z")))
                .isEqualTo("<!date^1774747800^{date_short_pretty} at {time}|2026-03-29 01:30 UTC>");
    }
}
