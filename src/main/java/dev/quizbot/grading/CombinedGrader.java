package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.quizbot.bank.Question;
import dev.quizbot.grading.AnswerAnalyzer.Analysis;

/**
 * Grades by key concepts and by meaning, weighed by the model fitted on labelled answers
 * ({@code grading/weights.json}). When no sentence model is loaded it grades on concepts only,
 * with the concepts-only fit, and every grade says so. Thread-safe; usable without Spring:
 * {@code CombinedGrader.create(SentenceModel.ALL_MINILM_L6_V2_Q, ReferenceEmbeddingStore.inMemoryOnly())}.
 */
public final class CombinedGrader implements Grader {

    private final AnswerAnalyzer analyzer;
    private final VerdictModel verdicts;
    private final Optional<String> conceptsOnlyReason;

    CombinedGrader(SentenceModels.Load load, ReferenceEmbeddingStore store, FittedWeights weights) {
        Optional<EmbeddingModel> model = load.loaded();
        Optional<VerdictModel> fitted = model.flatMap(m -> weights.forModel(m.name()));
        String reason = switch (load) {
            case SentenceModels.Load.Unavailable unavailable -> unavailable.reason();
            case SentenceModels.Load.Ready ready -> fitted.isPresent() ? null
                    : "no grading weights are fitted for the model '" + ready.model().name() + "' (run grading-fit)";
        };
        this.analyzer = new AnswerAnalyzer(fitted.isPresent() ? model : Optional.empty(), store);
        this.verdicts = fitted.orElseGet(weights::conceptsOnly);
        this.conceptsOnlyReason = Optional.ofNullable(reason);
    }

    public static CombinedGrader create(SentenceModel model, ReferenceEmbeddingStore store) {
        return new CombinedGrader(SentenceModels.load(model), store, FittedWeights.bundled());
    }

    public static CombinedGrader create(SentenceModels.Load model, ReferenceEmbeddingStore store) {
        return new CombinedGrader(model, store, FittedWeights.bundled());
    }

    /** Why meaning is not compared, if it is not. */
    public Optional<String> conceptsOnlyReason() {
        return conceptsOnlyReason;
    }

    AnswerAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public Grade grade(Question question, String answerText) {
        Analysis analysis = analyzer.analyze(question, answerText);
        List<String> notes = new ArrayList<>(analysis.screened().notes());
        if (analysis.question().conceptsDerived()) {
            notes.add("This question has no curated key concepts; they were taken from the reference answer.");
        }
        conceptsOnlyReason.ifPresent(reason -> notes.add("Graded on key concepts only: " + reason + "."));

        if (analysis.screened().nothingToGrade().isPresent()) {
            return new Grade(Verdict.INCORRECT, 0, List.of(), analysis.missed(), 0,
                    analysis.screened().nothingToGrade().get(), notes);
        }
        if (analysis.otherLanguage().isPresent()) {
            String language = analysis.otherLanguage().get();
            notes.add("quizbot's sentence models understand English only.");
            return new Grade(Verdict.INCORRECT, 0, analysis.found(), analysis.missed(), -1,
                    "This answer looks like " + language + "; quizbot can only grade answers in English, so it could not be judged. Please answer in English.",
                    notes);
        }
        Features features = analysis.features().orElseThrow();
        VerdictModel.Decision decision = verdicts.decide(verdicts.vector(features), analysis.clash().isPresent());
        Verdict verdict = decision.verdict();
        int score = score(verdict, decision.probabilities());
        double similarity = analysis.similarity() < 0 ? -1 : Math.max(0, Math.min(1, analysis.similarity()));
        String explanation = decision.unrelated()
                ? Explanations.unrelated(analysis)
                : Explanations.explain(verdict, analysis, features);
        return new Grade(verdict, score, analysis.found(), analysis.missed(), similarity, explanation, notes);
    }

    /**
     * Expected credit (correct 1, partial 1/2) as a percentage, kept inside the verdict's band
     * (incorrect below 40, partial 40-69, correct 70 and up) so score and verdict never disagree.
     */
    static int score(Verdict verdict, double[] p) {
        int expected = (int) Math.round(100 * (p[2] + 0.5 * p[1]));
        return switch (verdict) {
            case INCORRECT -> Math.min(expected, 39);
            case PARTIAL -> Math.max(40, Math.min(expected, 69));
            case CORRECT -> Math.max(70, expected);
        };
    }
}
