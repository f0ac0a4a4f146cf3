package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an answer against one reference text, in the style of Sultan et al. (2016): each
 * reference word is aligned to the answer word that says it best (the same stem, a typo of it,
 * else the closest word by the sentence model's contextual vectors), words the question already
 * gives away are set apart, and both directions are measured. Unlike the cosine of two sentence
 * vectors, the alignment also sees which words stand opposite each other (WordNet antonyms) and
 * whether one side negates what the other asserts.
 */
final class PairFeatures {

    /** The measurements, in the order of {@link #measure}'s result. */
    static final List<String> NAMES = List.of(
            "soft_recall", "soft_recall_all", "aligned_recall", "soft_precision", "unaligned",
            "lex_recall", "lex_precision", "cosine", "question_cosine", "cosine_margin",
            "length", "length_ratio", "negation_mismatch", "antonym", "function_words",
            "trigram_recall", "trigram_precision", "bigram_recall");

    /** A reference word counts as said when the best answer word is at least this close. */
    static final double ALIGNED = 0.8;
    /** An answer word is new material (neither in reference nor question) below this. */
    static final double UNALIGNED = 0.5;

    private PairFeatures() {
    }

    /** What the alignment of one pair found, before it is turned into shares. */
    private record Alignment(double softNovel, double softAll, int novel, int aligned, int lexical, double precision,
                             int answerNovel, int unaligned, int lexicalPrecision) {

        double softRecall() {
            return novel == 0 ? 0 : softNovel / novel;
        }

        double softPrecision() {
            return answerNovel == 0 ? 0 : precision / answerNovel;
        }
    }

    /**
     * How alike two answers are, in both directions (the soft recall and soft precision of their
     * alignment, averaged) plus their sentence vectors' cosine: the same numbers {@link #measure}
     * gives, without the measurements a settled answer's likeness does not use.
     */
    static double likeness(ReadText answer, ReadText other, Set<String> questionStems) {
        Alignment alignment = align(answer, other, questionStems,
                new ConceptMatcher.StemIndex(stems(answer)), new ConceptMatcher.StemIndex(stems(other)));
        double cosine = answer.hasVectors() && other.hasVectors() ? dot(answer.whole(), other.whole()) : 0;
        return (alignment.softRecall() + alignment.softPrecision()) / 2 + cosine;
    }

    private static Alignment align(ReadText answer, ReadText reference, Set<String> questionStems,
                                   ConceptMatcher.StemIndex answerIndex, ConceptMatcher.StemIndex referenceIndex) {
        // Every reference word against every answer word, once: both directions read the same matrix.
        float[][] likeness = likeness(reference.words(), answer.words());
        double softNovel = 0;
        double softAll = 0;
        int novel = 0;
        int aligned = 0;
        int lexical = 0;
        List<ReadText.Word> referenceWordList = reference.words();
        for (int r = 0; r < referenceWordList.size(); r++) {
            ReadText.Word word = referenceWordList.get(r);
            boolean same = answerIndex.containsLike(word.stem());
            double best = same ? 1 : rowBest(likeness, r);
            softAll += best;
            if (!questionStems.contains(word.stem())) {
                novel++;
                softNovel += best;
                aligned += best >= ALIGNED ? 1 : 0;
                lexical += same ? 1 : 0;
            }
        }

        double precision = 0;
        int answerNovel = 0;
        int unaligned = 0;
        int lexicalPrecision = 0;
        List<ReadText.Word> answerWordList = answer.words();
        for (int a = 0; a < answerWordList.size(); a++) {
            ReadText.Word word = answerWordList.get(a);
            if (questionStems.contains(word.stem())) {
                continue;
            }
            answerNovel++;
            boolean same = referenceIndex.containsLike(word.stem());
            double best = same ? 1 : columnBest(likeness, a);
            precision += best;
            lexicalPrecision += same ? 1 : 0;
            unaligned += best < UNALIGNED ? 1 : 0;
        }
        return new Alignment(softNovel, softAll, novel, aligned, lexical, precision, answerNovel, unaligned, lexicalPrecision);
    }

    static double[] measure(ReadText answer, ReadText reference, ReadText question, Set<String> questionStems,
                            int answerWordCount, WordRelations relations) {
        Set<String> answerStems = stems(answer);
        Set<String> referenceStems = stems(reference);
        Alignment alignment = align(answer, reference, questionStems, new ConceptMatcher.StemIndex(answerStems),
                new ConceptMatcher.StemIndex(referenceStems));
        int referenceWords = reference.words().size();
        int novel = alignment.novel();
        int answerNovel = alignment.answerNovel();

        double cosine = answer.hasVectors() && reference.hasVectors() ? dot(answer.whole(), reference.whole()) : 0;
        double questionCosine = answer.hasVectors() && question.hasVectors() ? dot(answer.whole(), question.whole()) : 0;
        int answerWords = answer.words().size();
        return new double[] {
                alignment.softRecall(),
                referenceWords == 0 ? 0 : alignment.softAll() / referenceWords,
                novel == 0 ? 0 : alignment.aligned() / (double) novel,
                alignment.softPrecision(),
                answerNovel == 0 ? 0 : alignment.unaligned() / (double) answerNovel,
                novel == 0 ? 0 : alignment.lexical() / (double) novel,
                answerNovel == 0 ? 0 : alignment.lexicalPrecision() / (double) answerNovel,
                cosine,
                questionCosine,
                cosine - questionCosine,
                Math.min(1, Math.log1p(answerWords) / Math.log(64)),
                referenceWords == 0 ? 0 : Math.min(2, answerWords / (double) referenceWords),
                (answer.negations() > 0) != (reference.negations() > 0) ? 1 : 0,
                opposes(answer, reference, answerStems, referenceStems, relations) ? 1 : 0,
                answerWordCount == 0 ? 0 : Math.max(0, 1 - answerWords / (double) answerWordCount),
                share(trigrams(reference, questionStems), trigrams(answer, questionStems)),
                share(trigrams(answer, questionStems), trigrams(reference, questionStems)),
                share(bigrams(reference), bigrams(answer)),
        };
    }

    /**
     * A word of the answer that WordNet calls the opposite of a word of the reference, where the
     * answer does not also use the reference's word and the reference does not also use the
     * answer's ("lower" for "higher" counts; a reference that speaks of both does not).
     */
    static boolean opposes(ReadText answer, ReadText reference, Set<String> answerStems, Set<String> referenceStems,
                           WordRelations relations) {
        for (ReadText.Word said : reference.words()) {
            if (answerStems.contains(said.stem())) {
                continue;
            }
            for (ReadText.Word word : answer.words()) {
                if (!referenceStems.contains(word.stem()) && relations.opposite(said.surface(), word.surface())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Character trigrams of the words the question does not give away, as written (lower case):
     * soft matching in the manner of soft-cardinality systems, robust to inflection and typos
     * the stemmer does not catch ("quantise", "quantization").
     */
    private static Set<String> trigrams(ReadText text, Set<String> questionStems) {
        Set<String> grams = new HashSet<>();
        for (ReadText.Word word : text.words()) {
            if (questionStems.contains(word.stem())) {
                continue;
            }
            String w = "#" + word.surface() + "#";
            for (int i = 0; i + 3 <= w.length(); i++) {
                grams.add(w.substring(i, i + 3));
            }
        }
        return grams;
    }

    /** Neighbouring content stems: what is said of what ("weights frozen" vs "frozen weights" are different pairs). */
    private static Set<String> bigrams(ReadText text) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < text.words().size(); i++) {
            pairs.add(text.words().get(i).stem() + " " + text.words().get(i + 1).stem());
        }
        return pairs;
    }

    /** The share of {@code wanted} found in {@code given}; 0 when nothing is wanted. */
    private static double share(Set<String> wanted, Set<String> given) {
        if (wanted.isEmpty()) {
            return 0;
        }
        long found = wanted.stream().filter(given::contains).count();
        return found / (double) wanted.size();
    }

    /**
     * Cosines of every reference word's vector with every answer word's, clipped at 0 (a word
     * without a vector is like nothing); null without a model.
     */
    private static float[][] likeness(List<ReadText.Word> reference, List<ReadText.Word> answer) {
        if (reference.isEmpty() || answer.isEmpty() || !hasVectors(reference) || !hasVectors(answer)) {
            return null;
        }
        float[][] out = new float[reference.size()][answer.size()];
        for (int r = 0; r < reference.size(); r++) {
            float[] v = reference.get(r).vector();
            if (v == null) {
                continue;
            }
            for (int a = 0; a < answer.size(); a++) {
                float[] w = answer.get(a).vector();
                out[r][a] = w == null ? 0 : Math.max(0, dotFloat(v, w));
            }
        }
        return out;
    }

    private static boolean hasVectors(List<ReadText.Word> words) {
        return words.stream().anyMatch(w -> w.vector() != null);
    }

    /** How well the best answer word says reference word {@code r}, at most 1. */
    private static double rowBest(float[][] likeness, int r) {
        if (likeness == null) {
            return 0;
        }
        float best = 0;
        for (float v : likeness[r]) {
            best = Math.max(best, v);
        }
        return Math.min(1, best);
    }

    /** How well the best reference word says answer word {@code a}, at most 1. */
    private static double columnBest(float[][] likeness, int a) {
        if (likeness == null) {
            return 0;
        }
        float best = 0;
        for (float[] row : likeness) {
            best = Math.max(best, row[a]);
        }
        return Math.min(1, best);
    }

    /** Dot product in four running sums, which the JIT keeps in registers (word vectors are 384 long). */
    private static float dotFloat(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int end = a.length - 3; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static Set<String> stems(ReadText text) {
        Set<String> stems = new HashSet<>();
        text.words().forEach(w -> stems.add(w.stem()));
        return stems;
    }

    /** Cosine of two unit vectors. */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The names with a prefix, for the same measurements taken against something else (a misconception). */
    static List<String> names(String prefix) {
        List<String> named = new ArrayList<>();
        NAMES.forEach(n -> named.add(prefix + n));
        return named;
    }
}
