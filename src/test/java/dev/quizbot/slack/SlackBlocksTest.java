package dev.quizbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.Period;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Scope;
import dev.quizbot.chat.Views;
import org.junit.jupiter.api.Test;

class SlackBlocksTest {

    private static final Instant CLOSES = Instant.parse("2026-11-23T14:05:00Z");
    private static final Views.Question QUESTION = new Views.Question(42, "rag-001", "rag", "RAG", Difficulty.HARD,
            "Why chunk <documents> & how?", CLOSES, 2);

    /** Block Kit as it goes on the wire, without Gson's optional HTML escaping to read it easily. */
    private static String json(Object blocks) {
        return GsonFactory.createSnakeCase().newBuilder().disableHtmlEscaping().create().toJson(blocks);
    }

    @Test
    void anOpenQuestionShowsTopicDifficultyALocalisedDeadlineAndAnAnswerButton() {
        var message = SlackBlocks.question(QUESTION, true);

        String json = json(message.blocks());
        assertThat(json).contains("Quiz: RAG", "*Difficulty:* hard",
                "<!date^" + CLOSES.getEpochSecond() + "^{date_short_pretty} at {time}|2026-11-23 14:05 UTC>",
                "2 answers so far");
        var button = (ButtonElement) ((ActionsBlock) message.blocks().getLast()).getElements().getFirst();
        assertThat(button.getActionId()).isEqualTo(SlackBlocks.ANSWER_ACTION);
        assertThat(button.getValue()).isEqualTo("42");
    }

    @Test
    void aClosedQuestionHasNoButton() {
        var message = SlackBlocks.question(QUESTION, false);

        assertThat(message.blocks()).noneMatch(b -> b instanceof ActionsBlock);
        assertThat(json(message.blocks())).contains("Closed <!date^");
    }

    @Test
    void userTextCannotInjectMentionsOrLinks() {
        var message = SlackBlocks.question(QUESTION, true);

        String text = ((SectionBlock) message.blocks().get(1)).getText().getText();
        assertThat(text).isEqualTo("Why chunk &lt;documents&gt; &amp; how?");
        assertThat(SlackBlocks.reply(new Reply.Done("<!channel> joined")).text()).doesNotContain("<!channel>");
    }

    @Test
    void aRevealShowsTheCommonMistakeEscapedOnlyWhenTheQuestionHasOne() {
        var with = SlackBlocks.reveal(new Views.Reveal(42, "Why chunk?", "Chunks fit the window.", 2, 1, List.of(),
                Optional.of("Bigger chunks are always better <because> more context helps.")));
        var without = SlackBlocks.reveal(new Views.Reveal(42, "Why chunk?", "Chunks fit the window.", 2, 1, List.of()));

        assertThat(json(with.blocks()))
                .contains("*A common mistake:* Bigger chunks are always better &lt;because&gt; more context helps.");
        assertThat(json(without.blocks())).doesNotContain("common mistake");
    }

    @Test
    void aRefusalShowsTheReasonAndTheRightForm() {
        var message = SlackBlocks.reply(new Reply.Refused("Unknown topic 'cooking'.", "ask [topic] [difficulty]"));

        assertThat(message.text()).contains("Unknown topic 'cooking'.", "`/quiz ask [topic] [difficulty]`");
    }

    @Test
    void theLeaderboardShowsTheCallersOwnRankWhenOutsideTheTopRows() {
        var board = new Views.Leaderboard(Scope.CHANNEL, Period.WEEK, "Europe/Berlin",
                List.of(new Views.LeaderboardRow(1, "U1", "Ada", 30, 3, 3), new Views.LeaderboardRow(1, "U2", "Bo", 30, 4, 3)),
                Optional.of(new Views.LeaderboardRow(12, "U9", "Me", 4.5, 2, 1)));

        String json = json(SlackBlocks.reply(new Reply.Leaderboard(board)).blocks());

        assertThat(json).contains("Channel leaderboard · this week", "*1.* <@U1>", "*1.* <@U2>", "You: *12.* <@U9> — 4.5 pts",
                "Europe/Berlin");
    }

    @Test
    void theAnswerModalCapsTheInputAtTheGradersLimit() {
        var modal = SlackBlocks.answerModal(QUESTION.text(), "42:T1:C1");

        String json = json(modal);
        assertThat(json).contains("\"multiline\":true", "\"max_length\":2000", "\"callback_id\":\"quiz_answer_modal\"",
                "\"private_metadata\":\"42:T1:C1\"");
    }
}
