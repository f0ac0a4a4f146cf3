package dev.quizbot.grading.calibration;

import dev.quizbot.grading.*;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;
import dev.quizbot.bank.Topic;
import tools.jackson.databind.JsonNode;

/**
 * The hand-labelled development set that grading-fit and grading-bench read: large and broad enough
 * that figures grouped by question mean something, and consistent with the shipped bank and its README.
 */
class DevelopmentSetTest {

    private static final Path DEVSET = Path.of("src/test/resources/grading/devset.jsonl");
    private static final Path README = Path.of("src/test/resources/grading/README.md");
    private static final Set<String> LABELS = Set.of("correct", "partial", "incorrect");

    private static QuestionBank bank;
    private static List<JsonNode> lines;

    @BeforeAll
    static void load() throws IOException {
        bank = new QuestionBankLoader().load(Path.of("questions"));
        lines = Files.readAllLines(DEVSET).stream()
                .filter(l -> !l.isBlank())
                .map(l -> VerdictWeights.json().readTree(l))
                .toList();
    }

    @Test
    void holdsAtLeastSixHundredAnswersOverSeventyBankQuestions() {
        LabelledAnswers set = LabelledAnswers.read(DEVSET, bank);

        assertThat(set.items()).hasSizeGreaterThanOrEqualTo(600);
        assertThat(set.items().stream().map(i -> i.question().id()).distinct().count()).isGreaterThanOrEqualTo(70);
    }

    @Test
    void everyQuestionIdIsInTheBankAndEveryLabelIsOneOfTheThree() {
        assertThat(lines).allSatisfy(node -> {
            assertThat(bank.question(node.path("question_id").asString(""))).as("bank entry for %s", node).isPresent();
            assertThat(node.path("label").asString("")).as("label of %s", node).isIn(LABELS);
            assertThat(node.path("kind").asString("")).as("kind of %s", node).isNotBlank();
        });
    }

    @Test
    void noAnswerIsListedTwice() {
        // Blank answers are the one deliberate repeat: the `empty` kind, once per question that has it.
        Map<String, Integer> seen = new HashMap<>();
        lines.stream()
                .map(n -> n.path("answer").asString("").strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))
                .filter(a -> !a.isEmpty())
                .forEach(a -> seen.merge(a, 1, Integer::sum));

        assertThat(seen).allSatisfy((answer, count) -> assertThat(count).as("copies of \"%s\"", answer).isEqualTo(1));
    }

    @Test
    void everyKindIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(README);
        Set<String> kinds = lines.stream().map(n -> n.path("kind").asString("")).collect(Collectors.toCollection(TreeSet::new));

        assertThat(kinds).allSatisfy(kind -> assertThat(readme).as("README mentions kind %s", kind).contains("`" + kind + "`"));
    }

    @Test
    void coversEveryTopicAndDifficultyWithEveryLabel() {
        LabelledAnswers set = LabelledAnswers.read(DEVSET, bank);

        Set<String> topics = set.items().stream().map(i -> i.question().topic()).collect(Collectors.toSet());
        assertThat(topics).containsAll(bank.topics().stream().map(Topic::slug).toList());
        assertThat(set.items().stream().map(i -> i.question().difficulty()).distinct().count())
                .isEqualTo(bank.questions().stream().map(q -> q.difficulty()).distinct().count());
        // Each verdict needs enough examples for its own error rate to be read.
        Map<Verdict, Long> byLabel = set.items().stream().collect(Collectors.groupingBy(LabelledAnswers.Item::label, Collectors.counting()));
        assertThat(byLabel.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(set.items().size() / 6));
    }
}
