package dev.quizbot.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.springframework.stereotype.Component;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.text.AnalyzedTokens;

/**
 * Text search over the bank for the question browser: every word of the query must occur in
 * the question, its reference answer, its key concepts or its topic, after Lucene's English
 * analysis (so "embeddings" finds "embedding"); a word of three letters or more also matches
 * the start of a longer one, for search as you type. The bank is a few hundred questions, so
 * the terms of each are kept in memory and rebuilt when the bank is reloaded.
 */
@Component
class QuestionSearch {

    private static final Analyzer ENGLISH = new EnglishAnalyzer();

    private record Indexed(QuestionBank bank, List<Entry> entries) {
    }

    private record Entry(Question question, Set<String> terms) {
    }

    private volatile Indexed index;

    /** The questions matching the query, in bank order; a blank query matches all. */
    List<Question> matching(QuestionBank bank, String query) {
        List<String> wanted = terms(query).stream().distinct().toList();
        return entries(bank).stream()
                .filter(e -> wanted.stream().allMatch(w -> e.terms().contains(w)
                        || w.length() >= 3 && e.terms().stream().anyMatch(t -> t.startsWith(w))))
                .map(Entry::question)
                .toList();
    }

    private List<Entry> entries(QuestionBank bank) {
        Indexed current = index;
        if (current == null || current.bank() != bank) {
            current = new Indexed(bank, bank.questions().stream()
                    .map(q -> new Entry(q, new HashSet<>(terms(String.join(" ", Stream.concat(
                            Stream.of(q.question(), q.answer(), q.topic(), bank.topic(q.topic()).map(t -> t.name()).orElse("")),
                            q.concepts().stream().flatMap(c -> c.forms().stream())).toList())))))
                    .toList());
            index = current;
        }
        return current.entries();
    }

    private static List<String> terms(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return AnalyzedTokens.of(ENGLISH, text).stream().map(AnalyzedTokens.Token::term)
                .collect(Collectors.toList());
    }
}
