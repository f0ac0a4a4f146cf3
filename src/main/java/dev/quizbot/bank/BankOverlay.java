package dev.quizbot.bank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Additions to the bank files kept elsewhere (the review queue's database table): accepted
 * answers and misconceptions per question id. {@link QuestionBankService} merges them into
 * the bank it serves, so grading uses them at once, and again after every reload. An
 * addition for a question the files no longer have stays dormant until the question returns.
 */
public interface BankOverlay {

    enum Kind { ACCEPT, MISCONCEPTION }

    record Addition(String questionId, Kind kind, String text) {
    }

    /** Changes whenever an addition is made, on any instance: the served bank is rebuilt then. */
    long version();

    List<Addition> additions();

    /** The bank with the additions merged; an addition that would make a question invalid is left out. */
    static QuestionBank merge(QuestionBank files, List<Addition> additions) {
        if (additions.isEmpty()) {
            return files;
        }
        Map<String, List<Addition>> byQuestion = additions.stream()
                .collect(Collectors.groupingBy(Addition::questionId));
        List<Question> merged = new ArrayList<>();
        for (Question q : files.questions()) {
            List<Addition> mine = byQuestion.get(q.id());
            merged.add(mine == null ? q : merge(q, mine));
        }
        return new QuestionBank(List.copyOf(files.topics()), merged);
    }

    private static Question merge(Question q, List<Addition> additions) {
        Set<String> accept = new LinkedHashSet<>(q.accept());
        Set<String> acceptKeys = new java.util.HashSet<>();
        acceptKeys.add(key(q.answer()));
        q.accept().forEach(a -> acceptKeys.add(key(a)));
        additions.stream().filter(a -> a.kind() == Kind.ACCEPT).forEach(a -> {
            if (acceptKeys.add(key(a.text()))) {
                accept.add(a.text());
            }
        });
        List<String> misconceptions = new ArrayList<>(q.misconceptions());
        Set<String> seen = misconceptions.stream().map(BankOverlay::key).collect(Collectors.toCollection(java.util.HashSet::new));
        for (Addition a : additions) {
            if (a.kind() == Kind.MISCONCEPTION && misconceptions.size() < QuestionBankLoader.MAX_MISCONCEPTIONS
                    && a.text().length() <= QuestionBankLoader.MAX_MISCONCEPTION_LENGTH
                    && !acceptKeys.contains(key(a.text())) && seen.add(key(a.text()))) {
                misconceptions.add(a.text());
            }
        }
        return new Question(q.id(), q.topic(), q.difficulty(), q.question(), q.answer(), q.concepts(),
                List.copyOf(accept), q.sources(), misconceptions, q.origin());
    }

    /** The loader's rule: case, spacing and a closing full stop do not make two texts different. */
    static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s.!]+$", "").strip();
    }

    /** The most misconceptions a question may have (the loader's limit). */
    static int maxMisconceptions() {
        return QuestionBankLoader.MAX_MISCONCEPTIONS;
    }

    /** The longest misconception the loader takes. */
    static int maxMisconceptionLength() {
        return QuestionBankLoader.MAX_MISCONCEPTION_LENGTH;
    }
}
