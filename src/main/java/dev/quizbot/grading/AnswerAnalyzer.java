package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.quizbot.bank.Question;
import dev.quizbot.grading.AnswerScreen.Screened;
import dev.quizbot.grading.ConceptMatcher.Match;

/**
 * Measures an answer against a question: screens it, matches concepts, reads it against the
 * reference answer and each accepted answer (keeping the closest), and against the question's
 * known misconceptions. Produces the measurements the fitted model weighs; decides nothing
 * itself, and no check here overrides the meaning measurements.
 */
public final class AnswerAnalyzer {

    /** Questions (and, four times as many, reference-side texts) kept read; the bank is a few hundred. */
    static final int CACHED = 2_000;

    /** Question-level measurements after the pair measurements, in vector order. */
    static final List<String> QUESTION_FEATURES = List.of(
            "concepts", "all_concepts", "misconception_margin", "rule_contradiction", "rule_denial");

    /**
     * Measurements against the question's settled answers ({@link SettledAnswers}), last in the
     * vector: how close the nearest right and nearest wrong ones are, the share of right ones
     * among the {@link #NEAREST} nearest, and whether there are any. All 0 without examples.
     */
    public static final List<String> EXAMPLE_FEATURES = List.of(
            "example_correct", "example_wrong", "example_margin", "example_vote", "has_examples");

    /** How many of the nearest settled answers vote. */
    static final int NEAREST = 5;

    /** Settled answers of each kind read word by word: the nearest by sentence vector. */
    static final int READ_IN_FULL = 6;

    /** Every measurement's name, in vector order. */
    public static final List<String> FEATURES = concat(concat(PairFeatures.NAMES, QUESTION_FEATURES), EXAMPLE_FEATURES);

    /** Everything measured about one answer. {@code features} is empty when there was nothing to grade. */
    public record Analysis(PreparedQuestion question, Screened screened, Optional<String> otherLanguage,
                    List<Match> concepts, Optional<Contradictions.Clash> clash, Optional<String> misconception,
                    double similarity, Optional<double[]> features) {

        List<String> found() {
            return concepts.stream().filter(Match::found).map(m -> m.concept().phrase()).toList();
        }

        List<String> missed() {
            return concepts.stream().filter(m -> !m.found()).map(m -> m.concept().phrase()).toList();
        }
    }

    private final Optional<EmbeddingModel> model;
    private final AnswerScreen screen = new AnswerScreen();
    private final ConceptMatcher matcher = new ConceptMatcher();
    private final ConceptDeriver deriver = new ConceptDeriver();
    private final Contradictions contradictions = new Contradictions();
    private final WordRelations relations = WordRelations.WORDNET;
    // Bounded: a bank reload or ad-hoc questions (the grade tool, benchmarks) must not grow these forever.
    private final Cache<Question, PreparedQuestion> prepared;
    private final Cache<String, ReadText> readReferences;

    public AnswerAnalyzer(Optional<EmbeddingModel> model) {
        this(model, CACHED);
    }

    /** With room for {@code cached} questions; benchmarks that read thousands of example answers want more. */
    public AnswerAnalyzer(Optional<EmbeddingModel> model, int cached) {
        this.model = model;
        this.prepared = Caffeine.newBuilder().maximumSize(cached).build();
        this.readReferences = Caffeine.newBuilder().maximumSize(4L * cached).build();
    }

    public Optional<EmbeddingModel> model() {
        return model;
    }

    PreparedQuestion prepare(Question question) {
        return prepared.get(question, q -> PreparedQuestion.of(q, deriver));
    }

    /** A reference-side text read once and kept: references, accepted answers, misconceptions, questions. */
    private ReadText reference(String text) {
        return readReferences.get(text, t -> ReadText.of(t, model));
    }

    public Analysis analyze(Question question, String answerText) {
        return analyze(question, answerText, SettledAnswers.NONE);
    }

    public Analysis analyze(Question question, String answerText, SettledAnswers examples) {
        PreparedQuestion q = prepare(question);
        Screened screened = screen.screen(answerText);
        if (screened.nothingToGrade().isPresent()) {
            return new Analysis(q, screened, Optional.empty(), matcher.match(q.concepts(), List.of()),
                    Optional.empty(), Optional.empty(), 0, Optional.empty());
        }
        String text = screened.text();
        List<Match> matches = matcher.match(q.concepts(), Terms.ENGLISH.stems(text));
        Optional<String> language = Languages.notEnglish(text);
        if (language.isPresent()) {
            return new Analysis(q, screened, language, matches, Optional.empty(), Optional.empty(), 0, Optional.empty());
        }

        ReadText answer = ReadText.of(text, model);
        ReadText questionText = reference(question.question());
        int wordCount = Terms.ENGLISH.words(text).size();

        double[] best = null;
        for (String referenceText : referenceTexts(question)) {
            double[] measured = PairFeatures.measure(answer, reference(referenceText), questionText, q.questionStems(),
                    wordCount, relations);
            if (best == null || closeness(measured) > closeness(best)) {
                best = measured;
            }
        }
        double misconceptionMargin = 0;
        Optional<String> misconception = Optional.empty();
        for (String wrong : q.misconceptions()) {
            double[] measured = PairFeatures.measure(answer, reference(wrong), questionText, q.questionStems(),
                    wordCount, relations);
            double margin = closeness(measured) - closeness(best);
            if (misconception.isEmpty() || margin > misconceptionMargin) {
                misconceptionMargin = margin;
                misconception = Optional.of(wrong);
            }
        }
        if (misconceptionMargin <= 0) {
            misconception = Optional.empty();
        }

        long found = matches.stream().filter(Match::found).count();
        Contradictions.Result contradiction = contradictions.count(text, q.claims());
        boolean negates = Terms.ENGLISH.words(text).stream().anyMatch(Contradictions::isNegation);
        Optional<NegatedFacts.Denial> denial = negates ? NegatedFacts.find(text, q.statedFacts()) : Optional.empty();
        double[] features = new double[FEATURES.size()];
        System.arraycopy(best, 0, features, 0, best.length);
        int at = best.length;
        features[at++] = matches.isEmpty() ? 0 : found / (double) matches.size();
        features[at++] = !matches.isEmpty() && found == matches.size() ? 1 : 0;
        features[at++] = misconceptionMargin;
        features[at++] = contradiction.count() > 0 ? 1 : 0;
        features[at++] = denial.isPresent() ? 1 : 0;
        double[] nearest = againstExamples(answer, examples, q);
        System.arraycopy(nearest, 0, features, at, nearest.length);
        Optional<Contradictions.Clash> clash = contradiction.example().or(() -> denial.map(d -> (Contradictions.Clash) d));
        double similarity = answer.hasVectors() ? best[PairFeatures.NAMES.indexOf("cosine")] : -1;
        return new Analysis(q, screened, Optional.empty(), matches, clash, misconception, similarity, Optional.of(features));
    }

    private double[] againstExamples(ReadText answer, SettledAnswers examples, PreparedQuestion q) {
        double[] out = new double[EXAMPLE_FEATURES.size()];
        if (examples.isEmpty()) {
            return out;
        }
        List<double[]> near = new ArrayList<>(); // {likeness, 1 if right}
        for (String right : nearestByMeaning(answer, examples.correct())) {
            near.add(new double[] {likeness(answer, right, q), 1});
        }
        for (String wrong : nearestByMeaning(answer, examples.wrong())) {
            near.add(new double[] {likeness(answer, wrong, q), 0});
        }
        double nearestRight = near.stream().filter(n -> n[1] == 1).mapToDouble(n -> n[0]).max().orElse(0);
        double nearestWrong = near.stream().filter(n -> n[1] == 0).mapToDouble(n -> n[0]).max().orElse(0);
        near.sort((a, b) -> Double.compare(b[0], a[0]));
        List<double[]> voters = near.subList(0, Math.min(NEAREST, near.size()));
        out[0] = nearestRight;
        out[1] = nearestWrong;
        out[2] = examples.correct().isEmpty() || examples.wrong().isEmpty() ? 0 : nearestRight - nearestWrong;
        out[3] = voters.stream().mapToDouble(n -> n[1]).sum() / voters.size();
        out[4] = 1;
        return out;
    }

    /**
     * The {@link #READ_IN_FULL} settled answers whose sentence vectors are closest to the
     * answer's: only those are read word by word. Aligning every word of every settled answer
     * made a reviewed question several times slower to grade, and the far ones neither win the
     * nearest-right and nearest-wrong measurements nor the vote of the {@link #NEAREST} nearest.
     */
    private List<String> nearestByMeaning(ReadText answer, List<String> settled) {
        if (settled.size() <= READ_IN_FULL || !answer.hasVectors()) {
            return settled;
        }
        record Scored(String text, double cosine) {
        }
        return settled.stream()
                .map(text -> new Scored(text, PairFeatures.dot(answer.whole(), reference(text).whole())))
                .sorted((a, b) -> Double.compare(b.cosine(), a.cosine()))
                .limit(READ_IN_FULL)
                .map(Scored::text)
                .toList();
    }

    /** How alike two answers are, in both directions: a settled answer is no reference, it can say too much or too little. */
    private double likeness(ReadText answer, String example, PreparedQuestion q) {
        return PairFeatures.likeness(answer, reference(example), q.questionStems());
    }

    /** How close a pair measurement says the answer is to that text: aligned words and meaning together. */
    static double closeness(double[] pair) {
        return pair[0] + pair[7];
    }

    private static List<String> referenceTexts(Question question) {
        List<String> texts = new ArrayList<>();
        texts.add(question.answer());
        texts.addAll(question.accept());
        return texts;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
