package dev.quizbot.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.quizbot.bank.Difficulty;
import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.bank.Topic;

/**
 * The question browser's JSON API: the bank, searched by text and filtered by topic and
 * difficulty, one page at a time. The bank is the repository's public {@code questions/}
 * folder, so reference answers are served as they are; the page hides them behind a toggle.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class QuestionsApi {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_QUERY_LENGTH = 200;

    private final QuestionBankService bank;
    private final QuestionSearch search;

    QuestionsApi(QuestionBankService bank, QuestionSearch search) {
        this.bank = bank;
        this.search = search;
    }

    record Source(String document, String heading) {
    }

    record QuestionView(String id, String topic, String topicName, String difficulty, String question, String answer,
                        List<String> concepts, List<String> misconceptions, List<Source> sources) {
    }

    record Filters(String q, String topic, String difficulty) {
    }

    /** {@code page} counts from 1; {@code pages} is at least 1 so an empty result still has a page. */
    record Page(Filters filters, int total, int page, int size, int pages, List<QuestionView> questions) {
    }

    @GetMapping("/questions")
    Page questions(@RequestParam(defaultValue = "") String q,
                   @RequestParam(defaultValue = "") String topic,
                   @RequestParam(defaultValue = "") String difficulty,
                   @RequestParam(defaultValue = "1") int page,
                   @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        QuestionBank current = bank.bank();
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ApiException.badRequest("The search text is " + q.length() + " characters; the limit is "
                    + MAX_QUERY_LENGTH + ".");
        }
        if (page < 1) {
            throw ApiException.badRequest("page counts from 1; got " + page + ".");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("size is 1 to " + MAX_PAGE_SIZE + "; got " + size + ".");
        }
        Optional<Topic> wantedTopic = Optional.empty();
        if (!topic.isBlank()) {
            wantedTopic = current.topic(topic.strip());
            if (wantedTopic.isEmpty()) {
                throw ApiException.badRequest("Unknown topic '" + LeaderboardApi.shorten(topic) + "'; use one of: "
                        + current.topics().stream().map(Topic::slug).collect(Collectors.joining(", ")) + ".");
            }
        }
        Optional<Difficulty> wantedDifficulty = Optional.empty();
        if (!difficulty.isBlank()) {
            wantedDifficulty = Difficulty.parse(difficulty);
            if (wantedDifficulty.isEmpty()) {
                throw ApiException.badRequest("Unknown difficulty '" + LeaderboardApi.shorten(difficulty)
                        + "'; use one of: " + Arrays.stream(Difficulty.values()).map(Difficulty::slug)
                        .collect(Collectors.joining(", ")) + ".");
            }
        }
        Optional<String> topicSlug = wantedTopic.map(Topic::slug);
        Optional<Difficulty> level = wantedDifficulty;
        List<Question> found = search.matching(current, q).stream()
                .filter(x -> topicSlug.map(x.topic()::equals).orElse(true))
                .filter(x -> level.map(x.difficulty()::equals).orElse(true))
                .toList();
        int pages = Math.max(1, (found.size() + size - 1) / size);
        List<QuestionView> shown = found.stream().skip((long) (page - 1) * size).limit(size)
                .map(x -> view(current, x)).toList();
        return new Page(new Filters(q, topicSlug.orElse(""), level.map(Difficulty::slug).orElse("")),
                found.size(), page, size, pages, shown);
    }

    private static QuestionView view(QuestionBank bank, Question q) {
        return new QuestionView(q.id(), q.topic(), bank.topic(q.topic()).map(Topic::name).orElse(q.topic()),
                q.difficulty().slug(), q.question(), q.answer(),
                q.concepts().stream().map(c -> c.phrase()).toList(), q.misconceptions(),
                q.sources().stream().map(s -> new Source(s.document(), s.heading())).toList());
    }
}
