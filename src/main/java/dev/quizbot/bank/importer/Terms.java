package dev.quizbot.bank.importer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import dev.quizbot.text.AnalyzedTokens;

/** English terms of a text as Lucene's English analyzer sees them: stop words out, words stemmed. */
final class Terms {

    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    private static final Set<String> QUESTION_STEMS = stemsOf(String.join(" ", QaDocumentParser.QUESTION_WORDS));

    private Terms() {
    }

    /** Each token's term is a stem; its offsets say where it stands in the original text. */
    static List<AnalyzedTokens.Token> tokens(String text) {
        return AnalyzedTokens.of(ENGLISH, text);
    }

    /** The distinct stems of a text, in order of first appearance. */
    static Set<String> stemsOf(String text) {
        Set<String> stems = new LinkedHashSet<>();
        tokens(text).forEach(t -> stems.add(t.term()));
        return stems;
    }

    /**
     * What a question asks about: its stems without the words that only make it a question. Hyphenated
     * words count as one ("fine-tuning" and "finetuning" alike), so that a compound does not weigh twice.
     */
    static Set<String> subjectOf(String question) {
        Set<String> stems = stemsOf(question.replaceAll("(?<=\\p{L})-(?=\\p{L})", ""));
        stems.removeAll(QUESTION_STEMS);
        return stems;
    }

    /** Stems without those of the words that only make a sentence a question ("what", "explain"). */
    static Set<String> withoutQuestionWords(Set<String> stems) {
        Set<String> rest = new LinkedHashSet<>(stems);
        rest.removeAll(QUESTION_STEMS);
        return rest;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        long common = a.stream().filter(b::contains).count();
        return (double) common / union.size();
    }
}
