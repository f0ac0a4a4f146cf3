package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.quizbot.bank.Question;
import dev.quizbot.grading.AnswerScreen.Screened;
import dev.quizbot.grading.ConceptMatcher.Match;
import dev.quizbot.grading.Terms.Term;

/**
 * Measures an answer against a question: screens it, matches concepts, checks for
 * contradictions and, when a sentence model is loaded, compares meaning whole and sentence
 * by sentence. Produces the {@link Features} the fitted model weighs; decides nothing itself.
 */
final class AnswerAnalyzer {

    /** Longest answer split into sentences; the rest is compared as one final piece. */
    static final int MAX_ANSWER_SENTENCES = 12;

    /** Everything measured about one answer. {@code features} is empty when there was nothing to grade. */
    record Analysis(PreparedQuestion question, Screened screened, Optional<String> otherLanguage,
                    List<Match> concepts, Optional<Contradictions.Clash> clash, double similarity,
                    Optional<Features> features) {

        List<String> found() {
            return concepts.stream().filter(Match::found).map(m -> m.concept().phrase()).toList();
        }

        List<String> missed() {
            return concepts.stream().filter(m -> !m.found()).map(m -> m.concept().phrase()).toList();
        }
    }

    private final Optional<EmbeddingModel> model;
    private final Optional<ReferenceEmbeddings> references;
    private final AnswerScreen screen = new AnswerScreen();
    private final ConceptMatcher matcher = new ConceptMatcher();
    private final ConceptDeriver deriver = new ConceptDeriver();
    private final Contradictions contradictions = new Contradictions();
    private final Map<Question, PreparedQuestion> prepared = new ConcurrentHashMap<>();

    AnswerAnalyzer(Optional<EmbeddingModel> model, ReferenceEmbeddingStore store) {
        this.model = model;
        this.references = model.map(m -> new ReferenceEmbeddings(m, store));
    }

    Optional<EmbeddingModel> model() {
        return model;
    }

    PreparedQuestion prepare(Question question) {
        return prepared.computeIfAbsent(question, q -> PreparedQuestion.of(q, deriver));
    }

    Analysis analyze(Question question, String answerText) {
        PreparedQuestion q = prepare(question);
        Screened screened = screen.screen(answerText);
        if (screened.nothingToGrade().isPresent()) {
            return new Analysis(q, screened, Optional.empty(), matcher.match(q.concepts(), List.of()),
                    Optional.empty(), 0, Optional.empty());
        }
        String text = screened.text();
        List<String> words = Terms.ENGLISH.words(text);
        List<Term> terms = Terms.ENGLISH.stems(text);
        List<Match> matches = matcher.match(q.concepts(), terms);
        Optional<String> language = LanguageGuess.notEnglish(text, words);
        if (language.isPresent()) {
            return new Analysis(q, screened, language, matches, Optional.empty(), 0, Optional.empty());
        }

        List<String> sentences = answerSentences(text);
        Contradictions.Result contradiction = contradictions.count(
                Contradictions.clauses(text), q.referenceSentenceTerms(), q.referenceClauses(), q.questionStems());

        Map<String, Double> f = new LinkedHashMap<>();
        long found = matches.stream().filter(Match::found).count();
        f.put("coverage", matches.isEmpty() ? 0 : found / (double) matches.size());
        f.put("all_concepts", !matches.isEmpty() && found == matches.size() ? 1.0 : 0.0);
        termOverlap(q, terms, f);
        f.put("contradiction", contradiction.count() > 0 ? 1.0 : 0.0);
        long functionWords = words.stream().filter(w -> LanguageGuess.isEnglishFunctionWord(w)).count();
        f.put("function_words", words.isEmpty() ? 0 : functionWords / (double) words.size());
        // A statement links its terms (a function word, a relation mark) or ends like a sentence;
        // a keyword list does neither, however many concepts it names.
        double statement = functionWords > 0 || text.matches("(?s).*(:|=|->|→).*") || text.matches("(?s).*[.!?]\\s*") ? 1 : 0;
        f.put("statement", statement);
        f.put("listed_concepts", (1 - statement) * f.get("coverage"));
        // A contradiction weighs more when nothing else in the answer agrees with the reference.
        f.put("unsupported_contradiction", f.get("contradiction") * (1 - f.get("coverage")));
        f.put("length", Math.min(1, Math.log1p(terms.size()) / Math.log(64)));
        long separators = text.chars().filter(c -> c == ',' || c == ';' || c == '/' || c == '|' || c == '\n').count();
        f.put("list_like", words.isEmpty() ? 0 : Math.min(1, separators / (double) words.size() * 2));
        f.put("injection", screened.injection() ? 1.0 : 0.0);
        f.put("code", screened.code() ? 1.0 : 0.0);
        f.put("truncated", screened.truncated() ? 1.0 : 0.0);

        double similarity = -1;
        if (model.isPresent()) {
            similarity = meaning(q, sentences, f);
        }
        return new Analysis(q, screened, Optional.empty(), matches, contradiction.example(), similarity,
                Optional.of(new Features(f)));
    }

    /** Lexical features beyond the curated concepts: what the answer shares with the reference and with the question. */
    private static void termOverlap(PreparedQuestion q, List<Term> terms, Map<String, Double> f) {
        Set<String> answer = new HashSet<>();
        terms.forEach(t -> answer.add(t.stem()));
        Set<String> novelReference = new HashSet<>(q.referenceStems());
        novelReference.removeAll(q.questionStems());
        long covered = novelReference.stream().filter(s -> answer.stream().anyMatch(a -> ConceptMatcher.same(s, a, false))).count();
        f.put("reference_terms", novelReference.isEmpty() ? 0 : covered / (double) novelReference.size());
        long echoed = answer.stream().filter(q.questionStems()::contains).count();
        f.put("question_echo", answer.isEmpty() ? 0 : echoed / (double) answer.size());
        long unrelated = answer.stream()
                .filter(a -> !q.questionStems().contains(a))
                .filter(a -> q.referenceStems().stream().noneMatch(s -> ConceptMatcher.same(s, a, false)))
                .count();
        f.put("unrelated_terms", answer.isEmpty() ? 1 : unrelated / (double) answer.size());
    }

    /** Meaning features; returns the whole-answer similarity to the reference (or the closest accepted answer). */
    private double meaning(PreparedQuestion q, List<String> sentences, Map<String, Double> f) {
        EmbeddingModel embedder = model.orElseThrow();
        ReferenceEmbeddings cache = references.orElseThrow();
        // One model pass per answer sentence; the whole-answer vector is their length-weighted
        // mean, which tracks the model's own mean pooling and avoids a second pass over the text.
        List<float[]> answerVectors = embedder.embedAll(sentences);
        float[] whole = weightedMean(sentences, answerVectors);

        double similarity = EmbeddingModel.cosine(whole, cache.vector(q.question().answer()));
        for (String accepted : q.question().accept()) {
            similarity = Math.max(similarity, EmbeddingModel.cosine(whole, cache.vector(accepted)));
        }
        List<float[]> referenceVectors = q.referenceSentences().stream().map(cache::vector).toList();
        double best = -1;
        double recall = 0;
        for (float[] ref : referenceVectors) {
            double bestForRef = -1;
            for (float[] said : answerVectors) {
                bestForRef = Math.max(bestForRef, EmbeddingModel.cosine(said, ref));
            }
            recall += bestForRef / referenceVectors.size();
            best = Math.max(best, bestForRef);
        }
        double precision = 0;
        for (float[] said : answerVectors) {
            double bestForSaid = -1;
            for (float[] ref : referenceVectors) {
                bestForSaid = Math.max(bestForSaid, EmbeddingModel.cosine(said, ref));
            }
            precision += bestForSaid / answerVectors.size();
        }
        double questionSimilarity = EmbeddingModel.cosine(whole, cache.vector(q.question().question()));
        f.put("similarity", similarity);
        f.put("sentence_best", best);
        f.put("reference_recall", recall);
        f.put("answer_precision", precision);
        f.put("question_similarity", questionSimilarity);
        f.put("similarity_margin", similarity - questionSimilarity);
        return similarity;
    }

    static List<String> answerSentences(String text) {
        List<String> sentences = PreparedQuestion.sentences(text);
        if (sentences.size() <= MAX_ANSWER_SENTENCES) {
            return sentences;
        }
        List<String> capped = new ArrayList<>(sentences.subList(0, MAX_ANSWER_SENTENCES - 1));
        capped.add(String.join(" ", sentences.subList(MAX_ANSWER_SENTENCES - 1, sentences.size())));
        return capped;
    }

    private static float[] weightedMean(List<String> sentences, List<float[]> vectors) {
        if (vectors.size() == 1) {
            return vectors.getFirst();
        }
        float[] mean = new float[vectors.getFirst().length];
        for (int i = 0; i < vectors.size(); i++) {
            float weight = Math.max(1, sentences.get(i).split("\\s+").length);
            float[] v = vectors.get(i);
            for (int j = 0; j < mean.length; j++) {
                mean[j] += weight * v[j];
            }
        }
        return mean;
    }
}
