package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.quizbot.bank.Question;
import dev.quizbot.grading.AnswerAnalyzer.Analysis;

/**
 * Grades by reading the answer against the reference (aligned words, meaning, opposites,
 * misconceptions, key concepts), weighed by the model fitted on human-graded answers
 * ({@code grading/weights.json}). When no sentence model is loaded it grades on words and
 * concepts only, with the fit made for that, and every grade says so. Thread-safe; usable
 * without Spring: {@code CombinedGrader.create(SentenceModel.ALL_MINILM_L6_V2_Q)}.
 */
public final class CombinedGrader implements Grader {

    /** Grades less sure than this are provisional unless configured otherwise. */
    public static final double DEFAULT_PROVISIONAL_BELOW = 0.65;

    private final AnswerAnalyzer analyzer;
    private final VerdictModel verdicts;
    private final Optional<String> conceptsOnlyReason;
    private final double provisionalBelow;
    private final SettledAnswerSource settled;

    CombinedGrader(SentenceModels.Load load, VerdictWeights weights, double provisionalBelow, SettledAnswerSource settled) {
        Optional<EmbeddingModel> model = load.loaded();
        Optional<VerdictModel> fitted = model.flatMap(m -> weights.forModel(m.name()));
        String reason = switch (load) {
            case SentenceModels.Load.Unavailable unavailable -> unavailable.reason();
            case SentenceModels.Load.Ready ready -> fitted.isPresent() ? null
                    : "no grading weights are fitted for the model '" + ready.model().name() + "' (run grading-fit)";
        };
        this.analyzer = new AnswerAnalyzer(fitted.isPresent() ? model : Optional.empty());
        this.verdicts = fitted.orElseGet(weights::conceptsOnly);
        this.conceptsOnlyReason = Optional.ofNullable(reason);
        this.provisionalBelow = provisionalBelow;
        this.settled = settled;
    }

    public static CombinedGrader create(SentenceModel model) {
        return create(SentenceModels.load(model));
    }

    public static CombinedGrader create(SentenceModels.Load model) {
        return create(model, DEFAULT_PROVISIONAL_BELOW);
    }

    public static CombinedGrader create(SentenceModels.Load model, double provisionalBelow) {
        return create(model, provisionalBelow, SettledAnswerSource.NONE);
    }

    /** A grader that also weighs the answers people settled for each question (see {@link SettledAnswers}). */
    public static CombinedGrader create(SentenceModels.Load model, double provisionalBelow, SettledAnswerSource settled) {
        return new CombinedGrader(model, VerdictWeights.bundled(), provisionalBelow, settled);
    }

    /** Why meaning is not compared, if it is not. */
    public Optional<String> conceptsOnlyReason() {
        return conceptsOnlyReason;
    }

    AnswerAnalyzer analyzer() {
        return analyzer;
    }

    VerdictModel verdicts() {
        return verdicts;
    }

    @Override
    public Grade grade(Question question, String answerText) {
        Analysis analysis = analyzer.analyze(question, answerText, settled.forQuestion(question.id()));
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
            notes.add("quizbot's sentence models understand English only.");
            return new Grade(Verdict.INCORRECT, 0, analysis.found(), analysis.missed(), -1,
                    "This answer looks like " + analysis.otherLanguage().get()
                            + "; quizbot can only grade answers in English, so it could not be judged. Please answer in English.",
                    notes);
        }
        VerdictModel.Decision decision = decide(analysis);
        boolean provisional = decision.confidence() < provisionalBelow;
        if (provisional) {
            notes.add("This grade is provisional: the grader is not sure of it, and it may be reviewed.");
        }
        double similarity = analysis.similarity() < 0 ? -1 : Math.max(0, Math.min(1, analysis.similarity()));
        return new Grade(decision.verdict(), decision.score(), analysis.found(), analysis.missed(), similarity,
                Explanations.explain(decision, analysis), notes, decision.confidence(), provisional);
    }

    /** The fitted model's decision on an analysed answer that has something to grade. */
    VerdictModel.Decision decide(Analysis analysis) {
        return verdicts.decide(verdicts.select(AnswerAnalyzer.FEATURES, analysis.features().orElseThrow()));
    }
}
