package dev.quizbot.discord;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Views;
import tools.jackson.databind.json.JsonMapper;

/** The Discord messages holding open rounds' questions (table {@code discord_question_post}). */
class QuestionPosts {

    record Post(long roundId, ChannelRef channel, String messageId, boolean scheduled, Views.Question question) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    QuestionPosts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Portable upsert (H2 and PostgreSQL): a round is posted once, but a re-post must not fail. */
    void save(Post post) {
        String question = json.writeValueAsString(post.question());
        int updated = jdbc.sql("""
                        update discord_question_post set guild_id = ?, channel_id = ?, message_id = ?, scheduled = ?,
                            question_json = ?, posted_at = ? where round_id = ?""")
                .params(post.channel().community(), post.channel().channel(), post.messageId(), post.scheduled(),
                        question, Timestamp.from(Instant.now()), post.roundId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into discord_question_post (round_id, guild_id, channel_id, message_id, scheduled,
                                question_json, posted_at) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(post.roundId(), post.channel().community(), post.channel().channel(), post.messageId(),
                            post.scheduled(), question, Timestamp.from(Instant.now()))
                    .update();
        }
    }

    Optional<Post> find(long roundId) {
        return jdbc.sql("select * from discord_question_post where round_id = ?").param(roundId)
                .query((rs, n) -> new Post(rs.getLong("round_id"),
                        new ChannelRef(DiscordAnnouncer.PLATFORM, rs.getString("guild_id"), rs.getString("channel_id")),
                        rs.getString("message_id"), rs.getBoolean("scheduled"),
                        json.readValue(rs.getString("question_json"), Views.Question.class)))
                .optional();
    }

    void remove(long roundId) {
        jdbc.sql("delete from discord_question_post where round_id = ?").param(roundId).update();
    }
}
