package dev.quizbot.practice;

import static dev.quizbot.round.Sql.instant;
import static dev.quizbot.round.Sql.ts;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Views;
import dev.quizbot.grading.Verdict;

/** Practice cards, reviews, sessions and reminders in the database (plain SQL that H2 and PostgreSQL share). */
@Repository
class PracticeRepository {

    private final JdbcClient jdbc;

    PracticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- cards

    private static final String CARD_COLUMNS =
            "question_id, topic, stability, difficulty, reviews, correct, lapses, last_review, due_at";

    List<Card> cards(String communityKey, String userId) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM practice_card WHERE community_key = ? AND user_id = ?")
                .params(communityKey, userId).query(PracticeRepository::card).list();
    }

    Optional<Card> card(String communityKey, String userId, String questionId) {
        return jdbc.sql("SELECT " + CARD_COLUMNS
                        + " FROM practice_card WHERE community_key = ? AND user_id = ? AND question_id = ?")
                .params(communityKey, userId, questionId).query(PracticeRepository::card).optional();
    }

    private static Card card(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Card(rs.getString("question_id"), rs.getString("topic"), rs.getDouble("stability"),
                rs.getDouble("difficulty"), rs.getInt("reviews"), rs.getInt("correct"), rs.getInt("lapses"),
                instant(rs, "last_review"), instant(rs, "due_at"));
    }

    /** Update first, insert when absent: portable across H2 and PostgreSQL, unlike MERGE / ON CONFLICT. */
    void save(String communityKey, String userId, Card card) {
        int updated = jdbc.sql("""
                        UPDATE practice_card SET topic = ?, stability = ?, difficulty = ?, reviews = ?, correct = ?,
                            lapses = ?, last_review = ?, due_at = ?
                        WHERE community_key = ? AND user_id = ? AND question_id = ?""")
                .params(card.topic(), card.stability(), card.difficulty(), card.reviews(), card.correct(),
                        card.lapses(), ts(card.lastReview()), ts(card.dueAt()), communityKey, userId, card.questionId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO practice_card (community_key, user_id, question_id, topic, stability, difficulty,
                                reviews, correct, lapses, last_review, due_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(communityKey, userId, card.questionId(), card.topic(), card.stability(), card.difficulty(),
                            card.reviews(), card.correct(), card.lapses(), ts(card.lastReview()), ts(card.dueAt()))
                    .update();
        }
    }

    int dueBefore(String communityKey, String userId, Instant before) {
        return jdbc.sql("SELECT COUNT(*) FROM practice_card WHERE community_key = ? AND user_id = ? AND due_at <= ?")
                .params(communityKey, userId, ts(before)).query(Integer.class).single();
    }

    // ---- reviews

    record NewReview(String communityKey, String userId, String questionId, String topic, String source,
                     Instant at, Rating rating, Verdict verdict, int score, String answer, String question,
                     String reference) {
    }

    void insert(NewReview r) {
        jdbc.sql("""
                        INSERT INTO practice_review (community_key, user_id, question_id, topic, source, reviewed_at,
                            rating, verdict, score, answer_text, question_text, reference_answer)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.communityKey(), r.userId(), r.questionId(), r.topic(), r.source(), ts(r.at()),
                        r.rating().name(), r.verdict().name(), r.score(), clip(r.answer(), 2000),
                        clip(r.question(), 1000), clip(r.reference(), 4000))
                .update();
    }

    int reviews(String communityKey, String userId, String source) {
        return jdbc.sql("SELECT COUNT(*) FROM practice_review WHERE community_key = ? AND user_id = ? AND source = ?")
                .params(communityKey, userId, source).query(Integer.class).single();
    }

    /** {@code withheld}: questions whose rows are left out (their reference is still secret). */
    List<Views.Mistake> mistakes(String communityKey, String userId, Optional<String> topic,
                                 java.util.Set<String> withheld, int limit) {
        // the topic condition is added only when asked for: PostgreSQL cannot type a bare "? IS NULL"
        List<Object> params = new java.util.ArrayList<>(List.of(communityKey, userId));
        topic.ifPresent(params::add);
        params.addAll(withheld);
        params.add(limit);
        return jdbc.sql("""
                        SELECT reviewed_at, topic, question_text, answer_text, verdict, score, reference_answer, source
                        FROM practice_review
                        WHERE community_key = ? AND user_id = ? AND verdict IN ('INCORRECT', 'PARTIAL')"""
                        + (topic.isPresent() ? " AND topic = ?" : "")
                        + (withheld.isEmpty() ? "" : " AND question_id NOT IN ("
                        + String.join(", ", java.util.Collections.nCopies(withheld.size(), "?")) + ")") + """

                        ORDER BY reviewed_at DESC, id DESC
                        LIMIT ?""")
                .params(params)
                .query((rs, n) -> new Views.Mistake(instant(rs, "reviewed_at"), rs.getString("topic"),
                        rs.getString("question_text"), rs.getString("answer_text"),
                        Verdict.valueOf(rs.getString("verdict")), rs.getInt("score"),
                        rs.getString("reference_answer"), rs.getString("source").toLowerCase(java.util.Locale.ROOT)))
                .list();
    }

    // ---- sessions

    Optional<Session> session(String communityKey, String userId) {
        return jdbc.sql("""
                        SELECT channel_key, topic, difficulty, question_id, asked_at, last_active
                        FROM practice_session WHERE community_key = ? AND user_id = ?""")
                .params(communityKey, userId)
                .query((rs, n) -> new Session(rs.getString("channel_key"), Optional.ofNullable(rs.getString("topic")),
                        Optional.ofNullable(rs.getString("difficulty")).flatMap(Difficulty::parse),
                        Optional.ofNullable(rs.getString("question_id")),
                        Optional.ofNullable(instant(rs, "asked_at")), instant(rs, "last_active")))
                .optional();
    }

    void saveSession(String communityKey, String userId, Session s) {
        deleteSession(communityKey, userId);
        jdbc.sql("""
                        INSERT INTO practice_session (community_key, user_id, channel_key, topic, difficulty, question_id,
                            asked_at, last_active)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(communityKey, userId, s.channelKey(), s.topic().orElse(null),
                        s.difficulty().map(Difficulty::slug).orElse(null), s.questionId().orElse(null),
                        ts(s.askedAt().orElse(null)), ts(s.lastActive()))
                .update();
    }

    boolean deleteSession(String communityKey, String userId) {
        return jdbc.sql("DELETE FROM practice_session WHERE community_key = ? AND user_id = ?")
                .params(communityKey, userId).update() > 0;
    }

    int deleteIdleSessions(Instant activeBefore) {
        return jdbc.sql("DELETE FROM practice_session WHERE last_active < ?").param(ts(activeBefore)).update();
    }

    // ---- reminders

    record Reminder(String communityKey, String userId, ChannelRef channel, String time, String zone,
                    Optional<LocalDate> lastSent) {
    }

    void saveReminder(Reminder r) {
        deleteReminder(r.communityKey(), r.userId());
        jdbc.sql("""
                        INSERT INTO practice_reminder (community_key, user_id, platform, community, channel, at_time,
                            zone, last_sent)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.communityKey(), r.userId(), r.channel().platform(), r.channel().community(),
                        r.channel().channel(), r.time(), r.zone(), r.lastSent().map(Date::valueOf).orElse(null))
                .update();
    }

    boolean deleteReminder(String communityKey, String userId) {
        return jdbc.sql("DELETE FROM practice_reminder WHERE community_key = ? AND user_id = ?")
                .params(communityKey, userId).update() > 0;
    }

    List<Reminder> reminders() {
        return jdbc.sql("""
                        SELECT community_key, user_id, platform, community, channel, at_time, zone, last_sent
                        FROM practice_reminder""")
                .query((rs, n) -> new Reminder(rs.getString("community_key"), rs.getString("user_id"),
                        new ChannelRef(rs.getString("platform"), rs.getString("community"), rs.getString("channel")),
                        rs.getString("at_time"), rs.getString("zone"),
                        Optional.ofNullable(rs.getDate("last_sent")).map(Date::toLocalDate)))
                .list();
    }

    /**
     * Claims a reminder's local day: true for exactly one caller per day, whichever instance
     * gets there first, because the update only matches while the day is unclaimed.
     */
    boolean claim(String communityKey, String userId, LocalDate day) {
        return jdbc.sql("""
                        UPDATE practice_reminder SET last_sent = ?
                        WHERE community_key = ? AND user_id = ? AND (last_sent IS NULL OR last_sent < ?)""")
                .params(Date.valueOf(day), communityKey, userId, Date.valueOf(day)).update() == 1;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
