package dev.quizbot.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.quizbot.text.AnalyzedTokens;

/**
 * A text as the grader reads it: its content words (stemmed, stop words dropped), each with a
 * vector pooled from the sentence model's token states for the characters it covers (read in
 * the context of the whole text), the text's own vector, and how many negations it makes.
 *
 * @param whole     the text's sentence vector, or null without a model
 * @param negations how many negating words ("not", "never", "n't"...) it uses
 */
record ReadText(String text, List<Word> words, float[] whole, int negations) {

    /** One content word. {@code vector} is null when no model read the text. */
    record Word(String stem, String surface, float[] vector) {
    }

    boolean hasVectors() {
        return whole != null;
    }

    static ReadText of(String text, Optional<EmbeddingModel> model) {
        List<AnalyzedTokens.Token> tokens = Terms.ENGLISH.stemTokens(text);
        int negations = (int) Terms.ENGLISH.words(text).stream().filter(Contradictions::isNegation).count();
        if (model.isEmpty()) {
            List<Word> words = tokens.stream()
                    .map(t -> new Word(t.term(), surface(text, t), null)).toList();
            return new ReadText(text, words, null, negations);
        }
        EmbeddingModel.TokenStates states = model.get().tokenStates(text);
        List<Word> words = new ArrayList<>(tokens.size());
        for (AnalyzedTokens.Token token : tokens) {
            words.add(new Word(token.term(), surface(text, token), pool(states, token.start(), token.end())));
        }
        return new ReadText(text, List.copyOf(words), states.whole(), negations);
    }

    private static String surface(String text, AnalyzedTokens.Token token) {
        return text.substring(token.start(), token.end()).toLowerCase(Locale.ROOT);
    }

    /** The mean of the word pieces that start inside [start, end), unit length; null if the model read none. */
    private static float[] pool(EmbeddingModel.TokenStates states, int start, int end) {
        float[] sum = null;
        for (int i = 0; i < states.spans().size(); i++) {
            EmbeddingModel.Span span = states.spans().get(i);
            if (span.start() < start || span.start() >= end) {
                continue;
            }
            float[] state = states.states().get(i);
            if (sum == null) {
                sum = new float[state.length];
            }
            for (int j = 0; j < state.length; j++) {
                sum[j] += state[j];
            }
        }
        if (sum == null) {
            return null;
        }
        double norm = 0;
        for (float v : sum) {
            norm += v * v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < sum.length; j++) {
            sum[j] *= scale;
        }
        return sum;
    }
}
