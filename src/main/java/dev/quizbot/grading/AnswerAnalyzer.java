package dev.quizbot.grading;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
                    List<Match> concepts, Optional<Contradictions.Clash> clash, Optional<NegatedFacts.Denial> denial, double similarity,
                    Optional<Features> features) {

        List<String> found() {
            return concepts.stream().filter(Match::found).map(m -> m.concept().phrase()).toList();
        }

        /** What the answer says against the reference: a contradiction, else a denial. */
        Optional<Contradictions.Clash> against() {
            return clash.or(() -> denial);
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
                    Optional.empty(), Optional.empty(), 0, Optional.empty());
        }
        String text = screened.text();
        List<String> words = Terms.ENGLISH.words(text);
        List<Term> terms = Terms.ENGLISH.stems(text);
        List<Match> matches = matcher.match(q.concepts(), terms);
        Optional<String> language = LanguageGuess.notEnglish(text, words);
        if (language.isPresent()) {
            return new Analysis(q, screened, language, matches, Optional.empty(), Optional.empty(), 0, Optional.empty());
        }

        Contradictions.Result contradiction = contradictions.count(text, q.claims());

        Map<String, Double> f = new LinkedHashMap<>();
        long found = matches.stream().filter(Match::found).count();
        f.put("coverage", matches.isEmpty() ? 0 : found / (double) matches.size());
        f.put("all_concepts", !matches.isEmpty() && found == matches.size() ? 1.0 : 0.0);
        termOverlap(q, terms, f);
        f.put("contradiction", contradiction.count() > 0 ? 1.0 : 0.0);
        Optional<NegatedFacts.Denial> denial = words.stream().anyMatch(Contradictions::isNegation)
                ? NegatedFacts.find(text, q.statedFacts())
                : Optional.empty();
        f.put("denial", denial.isPresent() ? 1.0 : 0.0);
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
        // Over-long answers are graded on their first part like any other (a note says so); being
        // cut says nothing about what that part says, so "truncated" is no fitted feature.
        if (found == 0 && f.get("reference_terms") == 0) {
            // Short answers are mostly partial in the labelled set, so a fitted model can give a
            // short answer about something else ("LoRA is a long-range radio protocol") partial
            // credit. One that names no key concept and shares no term with the reference, at
            // most words of the question, is about something else (15 of the 16 such labelled
            // answers are incorrect, the other a one-line partial).
            Screened offTopic = new Screened(text, screened.truncated(), screened.injection(), screened.code(),
                    Optional.of(f.get("question_echo") >= 0.7 ? ECHO : OFF_TOPIC), screened.notes());
            return new Analysis(q, offTopic, Optional.empty(), matches, Optional.empty(), Optional.empty(), 0, Optional.empty());
        }

        double similarity = -1;
        if (model.isPresent()) {
            similarity = meaning(q, text, f);
        }
        return new Analysis(q, screened, Optional.empty(), matches, contradiction.example(), denial, similarity,
                Optional.of(new Features(f)));
    }

    static final String ECHO = "Not correct. It repeats the question rather than answering it.";
    static final String OFF_TOPIC = "Not correct. It names none of the key concepts and shares no term with the reference answer beyond the words of the question, so it seems to be about something else.";

    /** Lexical features beyond the curated concepts: what the answer shares with the reference and with the question. */
    private static void termOverlap(PreparedQuestion q, List<Term> terms, Map<String, Double> f) {
        Set<String> answer = new HashSet<>();
        terms.forEach(t -> answer.add(t.stem()));
        ConceptMatcher.StemIndex answerIndex = new ConceptMatcher.StemIndex(answer);
        long covered = q.novelReferenceStems().stream().filter(answerIndex::containsLike).count();
        f.put("reference_terms", q.novelReferenceStems().isEmpty() ? 0 : covered / (double) q.novelReferenceStems().size());
        long echoed = answer.stream().filter(q.questionStems()::contains).count();
        f.put("question_echo", answer.isEmpty() ? 0 : echoed / (double) answer.size());
        long unrelated = answer.stream()
                .filter(a -> !q.questionStems().contains(a))
                .filter(a -> !q.referenceIndex().containsLike(a))
                .count();
        f.put("unrelated_terms", answer.isEmpty() ? 1 : unrelated / (double) answer.size());
    }

    /** Meaning features; returns the whole-answer similarity to the reference (or the closest accepted answer). */
    private double meaning(PreparedQuestion q, String text, Map<String, Double> f) {
        EmbeddingModel embedder = model.orElseThrow();
        ReferenceEmbeddings cache = references.orElseThrow();
        // The answer and its sentences in one model pass (see OnnxSentenceEncoder); reference
        // vectors come from the cache.
        EmbeddingModel.Parts embedded = embedder.embedParts(text, answerSpans(text));
        List<float[]> answerVectors = embedded.parts();
        float[] whole = embedded.whole();

        double similarity = EmbeddingModel.cosine(whole, cache.vector(q.question().answer()));
        for (String accepted : q.question().accept()) {
            similarity = Math.max(similarity, EmbeddingModel.cosine(whole, cache.vector(accepted)));
        }
        List<float[]> referenceVectors = q.referenceSentences().stream().map(cache::vector).toList();
        // recall: how well each reference sentence is said somewhere; precision: how much of what is said is in the reference
        BestMatches recall = BestMatches.of(referenceVectors, answerVectors);
        BestMatches precision = BestMatches.of(answerVectors, referenceVectors);
        double questionSimilarity = EmbeddingModel.cosine(whole, cache.vector(q.question().question()));
        f.put("similarity", similarity);
        f.put("sentence_best", recall.max());
        f.put("reference_recall", recall.mean());
        f.put("answer_precision", precision.mean());
        f.put("question_similarity", questionSimilarity);
        return similarity;
    }

    /** Each vector of {@code from} paired with its closest in {@code to}: the mean and the highest of those cosines. */
    private record BestMatches(double mean, double max) {

        static BestMatches of(List<float[]> from, List<float[]> to) {
            double mean = 0;
            double max = -1;
            for (float[] vector : from) {
                double best = -1;
                for (float[] other : to) {
                    best = Math.max(best, EmbeddingModel.cosine(vector, other));
                }
                mean += best / from.size();
                max = Math.max(max, best);
            }
            return new BestMatches(mean, max);
        }
    }

    /** Where the answer's sentences are, as a reader would split them; the tail past the cap is one piece. */
    static List<EmbeddingModel.Span> answerSpans(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        List<EmbeddingModel.Span> spans = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (text.substring(from, to).codePoints().anyMatch(Character::isLetterOrDigit)) {
                spans.add(new EmbeddingModel.Span(from, to));
            }
        }
        if (spans.isEmpty()) {
            return List.of(new EmbeddingModel.Span(0, text.length()));
        }
        if (spans.size() > MAX_ANSWER_SENTENCES) {
            List<EmbeddingModel.Span> capped = new ArrayList<>(spans.subList(0, MAX_ANSWER_SENTENCES - 1));
            capped.add(new EmbeddingModel.Span(spans.get(MAX_ANSWER_SENTENCES - 1).start(), spans.getLast().end()));
            return capped;
        }
        return spans;
    }
}
