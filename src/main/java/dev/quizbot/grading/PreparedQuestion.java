package dev.quizbot.grading;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.quizbot.bank.Concept;
import dev.quizbot.bank.Question;

/** What the grader needs of a question, worked out once: concepts, sentences, term sets. */
record PreparedQuestion(
        Question question,
        List<Concept> concepts,
        boolean conceptsDerived,
        List<String> referenceSentences,
        Contradictions.Reference claims,
        List<NegatedFacts.Stated> statedFacts,
        Set<String> questionStems,
        Set<String> referenceStems,
        Set<String> novelReferenceStems,
        ConceptMatcher.StemIndex referenceIndex,
        List<String> misconceptions) {

    static PreparedQuestion of(Question question, ConceptDeriver deriver) {
        boolean derive = question.concepts().isEmpty();
        List<Concept> concepts = derive ? deriver.derive(question.question(), question.answer()) : question.concepts();
        List<String> sentences = sentences(question.answer());
        Set<String> questionStems = stemSet(question.question());
        Set<String> referenceStems = stemSet(question.answer());
        question.accept().forEach(a -> referenceStems.addAll(stemSet(a)));
        // what the reference adds to the question: the terms an answer can only know from the subject
        Set<String> novel = new HashSet<>(referenceStems);
        novel.removeAll(questionStems);
        return new PreparedQuestion(question, concepts, derive, sentences,
                Contradictions.Reference.of(question.question(), question.answer()),
                NegatedFacts.Stated.of(sentences),
                questionStems, referenceStems, Set.copyOf(novel), new ConceptMatcher.StemIndex(referenceStems),
                question.misconceptions());
    }

    static Set<String> stemSet(String text) {
        Set<String> stems = new HashSet<>();
        Terms.ENGLISH.stems(text).forEach(t -> stems.add(t.stem()));
        return stems;
    }

    /** Sentences as a reader would split them (abbreviations like "e.g." do not end one). */
    static List<String> sentences(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (sentence.codePoints().anyMatch(Character::isLetterOrDigit)) {
                sentences.add(sentence);
            }
        }
        return sentences.isEmpty() ? List.of(text.strip()) : sentences;
    }
}
