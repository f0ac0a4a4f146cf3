package dev.quizbot.bank.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeMap;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Part-of-speech tags of a text from Apache OpenNLP's Universal Dependencies English models (their
 * Maven artifacts, read from the class path: nothing is fetched), looked up by character offset so
 * they line up with the Lucene tokens the importer ranks. Not thread-safe: one per import.
 */
final class PartsOfSpeech {

    /** Universal POS tags a term of a concept may carry; its last word must be a noun. */
    private static final Set<String> NOUNS = Set.of("NOUN", "PROPN");
    private static final java.util.regex.Pattern INNER_HYPHEN = java.util.regex.Pattern.compile("(?<=\\p{L})-(?=\\p{L})");
    private static final Set<String> MODIFIERS = Set.of("NOUN", "PROPN", "ADJ", "NUM");

    private static final class Models {
        static final TokenizerModel TOKENS = load("/opennlp-en-ud-ewt-tokens-1.2-2.5.0.bin", TokenizerModel::new);
        static final POSModel TAGS = load("/opennlp-en-ud-ewt-pos-1.2-2.5.0.bin", POSModel::new);
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private final TokenizerME tokenizer = new TokenizerME(Models.TOKENS);
    private final POSTaggerME tagger = new POSTaggerME(Models.TAGS);

    /** The tags of one text: each word's tag, keyed by the offset where the word starts. */
    final class Tagged {
        private final TreeMap<Integer, Span> words = new TreeMap<>();
        private final TreeMap<Integer, String> tags = new TreeMap<>();

        private Tagged(String text) {
            // "low-rank" is one word to tag; the tokenizer would cut it into "low" and a stray "-rank" (PUNCT).
            // A letter in place of the hyphen keeps every offset and lets context tag the joined word.
            Span[] spans = tokenizer.tokenizePos(INNER_HYPHEN.matcher(text).replaceAll("x"));
            String[] tokens = Span.spansToStrings(spans, INNER_HYPHEN.matcher(text).replaceAll("x"));
            String[] tagged = repaired(tagger.tag(tokens));
            for (int i = 0; i < spans.length; i++) {
                words.put(spans[i].getStart(), spans[i]);
                tags.put(spans[i].getStart(), tagged[i]);
            }
        }

        /** The tag of the word that the characters {@code [start, end)} end in (a hyphenated word's head). */
        String tagOf(int start, int end) {
            var word = words.floorEntry(Math.max(start, end - 1));
            return word == null || word.getValue().getEnd() <= start ? "X" : tags.get(word.getKey());
        }

        boolean isNoun(int start, int end) {
            return NOUNS.contains(tagOf(start, end));
        }

        boolean isModifier(int start, int end) {
            return MODIFIERS.contains(tagOf(start, end));
        }
    }

    /**
     * The small UD model misreads the head of a compound subject as a verb when the real verb follows
     * ("Beam search keeps", "Greedy decoding picks": NOUN VERB VERB) and a sentence-final noun after a
     * determiner as an adjective ("to the prompt."); both are put right, as a noun.
     */
    static String[] repaired(String[] tags) {
        String[] fixed = tags.clone();
        for (int i = 1; i < tags.length; i++) {
            boolean afterNominal = MODIFIERS.contains(tags[i - 1]) || "DET".equals(tags[i - 1]);
            boolean verbFollows = i + 1 < tags.length && ("VERB".equals(tags[i + 1]) || "AUX".equals(tags[i + 1]));
            if ("VERB".equals(tags[i]) && afterNominal && verbFollows) {
                fixed[i] = "NOUN";
            }
            boolean endsSentence = i + 1 == tags.length || "PUNCT".equals(tags[i + 1]);
            if ("ADJ".equals(tags[i]) && "DET".equals(tags[i - 1]) && endsSentence) {
                fixed[i] = "NOUN";
            }
        }
        return fixed;
    }

    Tagged tag(String text) {
        return new Tagged(text);
    }

    private static <T> T load(String resource, Reader<T> reader) {
        try (InputStream in = PartsOfSpeech.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (the OpenNLP models artifact)");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
