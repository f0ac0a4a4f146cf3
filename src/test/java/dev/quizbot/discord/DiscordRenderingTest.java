package dev.quizbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.Period;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Scope;
import dev.quizbot.chat.Views;
import dev.quizbot.grading.Verdict;
import net.dv8tion.jda.api.entities.MessageEmbed;

class DiscordRenderingTest {

    @Test
    void showsTheDeadlineAsARelativeDiscordTimestamp() {
        Views.Question question = new Views.Question(3, "q", "rag", "RAG", Difficulty.EASY, "What is RAG?",
                Instant.ofEpochSecond(1_800_000_000L), 0);

        MessageEmbed embed = DiscordRendering.questionEmbed(question, 2, false, true);

        assertThat(embed.getFields()).anyMatch(f -> "<t:1800000000:R>".equals(f.getValue()));
        assertThat(embed.getFooter().getText()).startsWith("2 answers");
        assertThat(embed.getAuthor().getName()).isEqualTo("Daily quiz · RAG");
    }

    @Test
    void cutsOverlongTextToDiscordsLimitsInsteadOfFailingTheWholePost() {
        String longText = "x".repeat(6000);
        Views.Reveal reveal = new Views.Reveal(1, longText, longText, 1, 1,
                List.of(new Views.Answerer("1", "Ada", 100)));

        MessageEmbed embed = DiscordRendering.reveal(reveal);

        assertThat(embed.getTitle()).hasSize(MessageEmbed.TITLE_MAX_LENGTH).endsWith("…");
        assertThat(embed.getDescription()).hasSize(MessageEmbed.DESCRIPTION_MAX_LENGTH);
        assertThat(embed.isSendable()).isTrue();
    }

    @Test
    void aRevealShowsTheCommonMistakeOnlyWhenTheQuestionHasOne() {
        Views.Reveal with = new Views.Reveal(2, "What is RAG?", "Retrieve, then generate.", 0, 0, List.of(),
                Optional.of("RAG fine-tunes the model on the retrieved documents."));
        Views.Reveal without = new Views.Reveal(2, "What is RAG?", "Retrieve, then generate.", 0, 0, List.of());

        assertThat(DiscordRendering.reveal(with).getFields())
                .filteredOn(f -> "A common mistake".equals(f.getName()))
                .singleElement()
                .satisfies(f -> assertThat(f.getValue()).isEqualTo("RAG fine-tunes the model on the retrieved documents."));
        assertThat(DiscordRendering.reveal(without).getFields()).extracting(MessageEmbed.Field::getName)
                .doesNotContain("A common mistake");
    }

    @Test
    void colorsFeedbackByVerdictAndListsMissingConcepts() {
        MessageEmbed embed = DiscordRendering.feedback(new Views.Feedback(4, Verdict.PARTIAL, 55, 8.25,
                List.of("attention"), List.of("positional encoding"), "Half of it.", List.of("Answer was cut.")));

        assertThat(embed.getTitle()).isEqualTo("Partly right · 55/100");
        assertThat(embed.getColor()).isEqualTo(DiscordRendering.PARTIAL);
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName)
                .containsExactly("Points", "You covered", "Missing", "Notes");
        assertThat(embed.getFields().get(0).getValue()).isEqualTo("8.3");
    }

    @Test
    void addsTheCallersOwnRankWhenOutsideTheRowsShown() {
        Views.LeaderboardRow top = new Views.LeaderboardRow(1, "a", "Ada", 30, 3, 3);
        Views.LeaderboardRow own = new Views.LeaderboardRow(17, "m", "Max", 2, 2, 0);

        MessageEmbed outside = DiscordRendering.leaderboard(new Views.Leaderboard(Scope.CHANNEL, Period.TODAY,
                "Europe/Berlin", List.of(top), Optional.of(own)));
        MessageEmbed inside = DiscordRendering.leaderboard(new Views.Leaderboard(Scope.CHANNEL, Period.TODAY,
                "Europe/Berlin", List.of(top), Optional.of(top)));

        assertThat(outside.getFields()).singleElement().satisfies(f -> assertThat(f.getValue()).contains("#17").contains("Max"));
        assertThat(inside.getFields()).isEmpty();
        assertThat(outside.getFooter().getText()).contains("Europe/Berlin");
    }

    @Test
    void showsARefusalWithItsUsage() {
        var message = DiscordRendering.reply(new Reply.Refused("Unknown timezone 'Mars/Base'.",
                "schedule set <daily HH:MM | cron> <timezone>"));

        assertThat(message.getContent()).isEqualTo(
                "Unknown timezone 'Mars/Base'.\nUsage: `schedule set <daily HH:MM | cron> <timezone>`");
    }
}
