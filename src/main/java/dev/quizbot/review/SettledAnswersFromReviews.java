package dev.quizbot.review;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.quizbot.grading.SettledAnswerSource;
import dev.quizbot.grading.SettledAnswers;

/**
 * The review queue's decisions as the grader's settled answers: an answer an admin accepted as
 * correct is a right example, one whose appeal was rejected while graded incorrect a wrong one.
 * Partial grades teach neither. One indexed query per graded answer; it depends on nothing but
 * the database, since the grader itself is built from it.
 */
@Component
class SettledAnswersFromReviews implements SettledAnswerSource {

    private final JdbcClient jdbc;

    SettledAnswersFromReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SettledAnswers forQuestion(String questionId) {
        record Row(String text, String verdict) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT a.answer_text AS text, c.verdict_after AS verdict
                        FROM review_item i
                            JOIN review_change c ON c.decision_id = i.decision_id AND c.answer_id = i.answer_id
                            JOIN answer a ON a.id = i.answer_id
                        WHERE i.question_id = ? AND i.status <> 'PENDING' AND c.verdict_after IN ('CORRECT', 'INCORRECT')
                        ORDER BY i.decision_id DESC
                        LIMIT ?""")
                .params(questionId, 4 * SettledAnswers.MAX_EACH)
                .query(Row.class).list();
        List<String> correct = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            ("CORRECT".equals(row.verdict()) ? correct : wrong).add(row.text());
        }
        return new SettledAnswers(correct, wrong);
    }
}
