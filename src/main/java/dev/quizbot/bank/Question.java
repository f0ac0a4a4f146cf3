package dev.quizbot.bank;

import java.util.List;

/**
 * One interview question with the reference answer graders compare against.
 *
 * @param concepts key ideas an answer should mention; empty for imported drafts, whose
 *                 concepts the grader derives from the answer
 * @param accept   short alternative answers that count as fully correct
 */
public record Question(
        String id,
        String topic,
        Difficulty difficulty,
        String question,
        String answer,
        List<Concept> concepts,
        List<String> accept,
        List<Source> sources) {

    public Question {
        concepts = List.copyOf(concepts);
        accept = List.copyOf(accept);
        sources = List.copyOf(sources);
    }
}
