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

    static double[] measure(ReadText answer, ReadText reference, ReadText question, Set<String> questionStems,
                            int answerWordCount, WordRelations relations) {
        Set<String> answerStems = stems(answer);
        Set<String> referenceStems = stems(reference);
        ConceptMatcher.StemIndex answerIndex = new ConceptMatcher.StemIndex(answerStems);
        ConceptMatcher.StemIndex referenceIndex = new ConceptMatcher.StemIndex(referenceStems);

        double softNovel = 0;
        double softAll = 0;
        int novel = 0;
        int aligned = 0;
        int lexical = 0;
        for (ReadText.Word word : reference.words()) {
            double best = answerIndex.containsLike(word.stem()) ? 1 : closest(word, answer.words());
            softAll += best;
            if (!questionStems.contains(word.stem())) {
                novel++;
                softNovel += best;
                aligned += best >= ALIGNED ? 1 : 0;
                lexical += answerIndex.containsLike(word.stem()) ? 1 : 0;
            }
        }
        int referenceWords = reference.words().size();

        double precision = 0;
        int answerNovel = 0;
        int unaligned = 0;
        int lexicalPrecision = 0;
        for (ReadText.Word word : answer.words()) {
            if (questionStems.contains(word.stem())) {
                continue;
            }
            answerNovel++;
            boolean same = referenceIndex.containsLike(word.stem());
            double best = same ? 1 : closest(word, reference.words());
            precision += best;
            lexicalPrecision += same ? 1 : 0;
            unaligned += best < UNALIGNED ? 1 : 0;
        }

        double cosine = answer.hasVectors() && reference.hasVectors() ? dot(answer.whole(), reference.whole()) : 0;
        double questionCosine = answer.hasVectors() && question.hasVectors() ? dot(answer.whole(), question.whole()) : 0;
        int answerWords = answer.words().size();
        return new double[] {
                novel == 0 ? 0 : softNovel / novel,
                referenceWords == 0 ? 0 : softAll / referenceWords,
                novel == 0 ? 0 : aligned / (double) novel,
                answerNovel == 0 ? 0 : precision / answerNovel,
                answerNovel == 0 ? 0 : unaligned / (double) answerNovel,
                novel == 0 ? 0 : lexical / (double) novel,
                answerNovel == 0 ? 0 : lexicalPrecision / (double) answerNovel,
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

    private static double closest(ReadText.Word word, List<ReadText.Word> others) {
        if (word.vector() == null) {
            return 0;
        }
        double best = 0;
        for (ReadText.Word other : others) {
            if (other.vector() != null) {
                best = Math.max(best, dot(word.vector(), other.vector()));
            }
        }
        return Math.min(1, best);
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
