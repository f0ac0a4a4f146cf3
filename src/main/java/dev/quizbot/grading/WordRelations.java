package dev.quizbot.grading;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Lexical relations from WordNet 3.1 (extjwnl, with its data artifact on the class path): the
 * base forms of a word and the antonyms of its senses, so "higher" meets "lower" and
 * "increases" meets "decreases" without a hand-kept list. Look-ups are cached per word;
 * if WordNet cannot be loaded every word has no antonyms and grading goes on without them.
 */
final class WordRelations {

    private static final Logger log = LoggerFactory.getLogger(WordRelations.class);

    static final WordRelations WORDNET = new WordRelations();

    private final Dictionary dictionary;
    private final Map<String, Set<String>> lemmas = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> antonyms = new ConcurrentHashMap<>();

    private WordRelations() {
        Dictionary loaded = null;
        try {
            loaded = Dictionary.getDefaultResourceInstance();
        } catch (JWNLException | RuntimeException e) {
            log.warn("WordNet could not be loaded ({}); answers are graded without antonyms.", e.getMessage());
        }
        this.dictionary = loaded;
    }

    boolean available() {
        return dictionary != null;
    }

    /** True when some sense of {@code word} is, in WordNet, the opposite of some sense of {@code other}. */
    boolean opposite(String word, String other) {
        Set<String> opposites = antonymsOf(word);
        if (opposites.isEmpty()) {
            return false;
        }
        for (String lemma : lemmasOf(other)) {
            if (opposites.contains(lemma)) {
                return true;
            }
        }
        return false;
    }

    Set<String> lemmasOf(String word) {
        return lemmas.computeIfAbsent(word.toLowerCase(Locale.ROOT), w -> {
            Set<String> found = new HashSet<>();
            found.add(w);
            for (IndexWord index : indexWords(w)) {
                found.add(index.getLemma().toLowerCase(Locale.ROOT));
            }
            return Set.copyOf(found);
        });
    }

    Set<String> antonymsOf(String word) {
        return antonyms.computeIfAbsent(word.toLowerCase(Locale.ROOT), w -> {
            Set<String> found = new HashSet<>();
            for (IndexWord index : indexWords(w)) {
                for (Synset sense : index.getSenses()) {
                    for (Word member : sense.getWords()) {
                        if (!member.getLemma().equalsIgnoreCase(index.getLemma())) {
                            continue;
                        }
                        for (Pointer pointer : member.getPointers(PointerType.ANTONYM)) {
                            try {
                                if (pointer.getTarget() instanceof Word target) {
                                    found.add(target.getLemma().toLowerCase(Locale.ROOT));
                                }
                            } catch (JWNLException e) {
                                // a dangling pointer in the data: no antonym from it
                            }
                        }
                    }
                }
            }
            return Set.copyOf(found);
        });
    }

    /**
     * The word's entries and those of every base form WordNet's morphology finds for it: "higher"
     * is an entry of its own ("higher education") with no antonym, and its base "high" has "low".
     */
    private IndexWord[] indexWords(String word) {
        if (dictionary == null || word.isBlank() || word.length() > 40) {
            return new IndexWord[0];
        }
        synchronized (dictionary) {
            try {
                java.util.List<IndexWord> found = new java.util.ArrayList<>(java.util.List.of(
                        dictionary.lookupAllIndexWords(word).getIndexWordArray()));
                for (POS pos : POS.getAllPOS()) {
                    for (String base : dictionary.getMorphologicalProcessor().lookupAllBaseForms(pos, word)) {
                        IndexWord entry = dictionary.getIndexWord(pos, base);
                        if (entry != null && found.stream().noneMatch(f -> f.getPOS() == pos && f.getLemma().equals(entry.getLemma()))) {
                            found.add(entry);
                        }
                    }
                }
                return found.toArray(IndexWord[]::new);
            } catch (JWNLException | RuntimeException e) {
                return new IndexWord[0];
            }
        }
    }
}
