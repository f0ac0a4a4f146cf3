package dev.quizbot.bank;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One interview question with the reference answer graders compare against.
 *
 * @param concepts       key ideas an answer should mention; empty for imported drafts, whose
 *                       concepts the grader derives from the answer
 * @param accept         short alternative answers that count as fully correct
 * @param misconceptions known wrong claims, each stated as a claim ("A higher temperature makes the
 *                       output more deterministic."); evidence against an answer and the "common
 *                       mistake" shown at the reveal. Empty for imported drafts.
 * @param origin         who wrote the question when it is not taken from the seed documents
 *                       ({@value #ORIGIN_QUIZBOT}); empty means it comes from the seeds listed in
 *                       {@code sources}
 */
public record Question(
        String id,
        String topic,
        Difficulty difficulty,
        String question,
        String answer,
        List<Concept> concepts,
        List<String> accept,
        List<Source> sources,
        List<String> misconceptions,
        Optional<String> origin) {

    /** The origin of questions we wrote ourselves rather than took from a seed document. */
    public static final String ORIGIN_QUIZBOT = "quizbot";

    public Question {
        concepts = List.copyOf(concepts);
        accept = List.copyOf(accept);
        sources = List.copyOf(sources);
        misconceptions = List.copyOf(misconceptions);
        Objects.requireNonNull(origin, "origin; use Optional.empty() for questions from the seeds");
    }

    /** A question from the seed documents with no known misconceptions (drafts, tests, ad-hoc grading). */
    public Question(String id, String topic, Difficulty difficulty, String question, String answer,
                    List<Concept> concepts, List<String> accept, List<Source> sources) {
        this(id, topic, difficulty, question, answer, concepts, accept, sources, List.of(), Optional.empty());
    }

    /** The misconception shown at the reveal, if the question has any. */
    public Optional<String> commonMistake() {
        return misconceptions.stream().findFirst();
    }
}
