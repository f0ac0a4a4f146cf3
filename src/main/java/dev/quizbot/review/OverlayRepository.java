package dev.quizbot.review;

import static dev.quizbot.round.Sql.ts;

import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.quizbot.bank.BankOverlay;

/**
 * The bank overlay in the database: what reviewers added to questions. Shared by every
 * instance; its version is the newest row's id, so a served bank notices an addition made
 * anywhere. Rows are never deleted, so a question a reload drops keeps its additions for
 * when it returns.
 */
@Repository
class OverlayRepository implements BankOverlay {

    private final JdbcClient jdbc;

    OverlayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long version() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM bank_overlay").query(Long.class).single();
    }

    @Override
    public List<Addition> additions() {
        return jdbc.sql("SELECT question_id, kind, text FROM bank_overlay ORDER BY id")
                .query((rs, n) -> new Addition(rs.getString("question_id"), Kind.valueOf(rs.getString("kind")),
                        rs.getString("text")))
                .list();
    }

    /** Adds an entry; false when the question already has it (case and spacing aside). */
    boolean add(String questionId, Kind kind, String text, String adminId, Instant now) {
        // looked up first: a failed insert would spoil the caller's transaction on PostgreSQL
        boolean present = jdbc.sql("SELECT COUNT(*) FROM bank_overlay WHERE question_id = ? AND kind = ? AND text_key = ?")
                .params(questionId, kind.name(), BankOverlay.key(text)).query(Integer.class).single() > 0;
        if (present) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO bank_overlay (question_id, kind, text, added_by, added_at, text_key) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(questionId, kind.name(), text, adminId, ts(now), BankOverlay.key(text)).update();
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }
}
