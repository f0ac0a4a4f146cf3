package dev.quizbot.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionBankLoaderTest {

    private static final String TOPICS = """
            - slug: rag
              name: Retrieval-augmented generation
            - slug: fine-tuning
              name: Fine-tuning
            """;

    private static final String GOOD_ENTRY = """
            - id: what-is-rag
              topic: rag
              difficulty: easy
              question: What is RAG?
              answer: Retrieval-augmented generation retrieves passages and conditions generation on them.
              concepts:
                - phrase: retrieval
                  synonyms: [retriever, search]
                - grounding
              accept: [Retrieve then generate]
              sources:
                - document: 002.txt
                  heading: "11. What is RAG (Retrieval-Augmented Generation)?"
            """;

    @TempDir
    Path folder;

    private final QuestionBankLoader loader = new QuestionBankLoader();

    @BeforeEach
    void writeTopics() throws IOException {
        write("topics.yaml", TOPICS);
    }

    @Test
    void loadsAValidBankWithConceptsInBothForms() throws IOException {
        write("rag.yaml", GOOD_ENTRY);

        QuestionBank bank = loader.load(folder);

        Question q = bank.question("what-is-rag").orElseThrow();
        assertThat(q.difficulty()).isEqualTo(Difficulty.EASY);
        assertThat(q.concepts()).containsExactly(
                new Concept("retrieval", java.util.List.of("retriever", "search")),
                new Concept("grounding", java.util.List.of()));
        assertThat(q.accept()).containsExactly("Retrieve then generate");
        assertThat(q.sources()).extracting(Source::heading)
                .containsExactly("11. What is RAG (Retrieval-Augmented Generation)?");
        assertThat(bank.summary()).isEqualTo("1 questions in 1 topics (rag 1)");
    }

    @Test
    void reportsEveryProblemAtOnceWithFileAndEntry() throws IOException {
        write("rag.yaml", GOOD_ENTRY + """
                - id: what-is-rag
                  topic: rag
                  difficulty: easy
                  question: Duplicate id
                  answer: An answer.
                - id: Bad_Id
                  topic: cooking
                  difficulty: impossible
                  question: "   "
                  concepts:
                    - phrase: ""
                  anwser: typo in a field name
                """);
        write("broken.yaml", "- id: [unclosed\n");

        assertThatThrownBy(() -> loader.load(folder))
                .isInstanceOfSatisfying(InvalidBankException.class, e -> {
                    assertThat(e.problems()).extracting(BankProblem::toString).anySatisfy(p -> assertThat(p)
                            .startsWith("broken.yaml: is not valid YAML"));
                    assertThat(e.problems()).extracting(BankProblem::toString).contains(
                            "rag.yaml: entry 2 (id 'what-is-rag'): duplicate id, already used by rag.yaml entry 1 (id 'what-is-rag')",
                            "rag.yaml: entry 3 (id 'Bad_Id'): id must be lower-case words joined by hyphens (like 'lora-qlora'), got 'Bad_Id'",
                            "rag.yaml: entry 3 (id 'Bad_Id'): unknown topic 'cooking' (declare it in topics.yaml; known: fine-tuning, rag)",
                            "rag.yaml: entry 3 (id 'Bad_Id'): unknown difficulty 'impossible' (use easy, medium or hard)",
                            "rag.yaml: entry 3 (id 'Bad_Id'): 'question' is empty",
                            "rag.yaml: entry 3 (id 'Bad_Id'): missing 'answer'",
                            "rag.yaml: entry 3 (id 'Bad_Id'): concept 1 has no text ('phrase' is missing or empty)");
                    assertThat(e.problems()).extracting(BankProblem::message)
                            .anySatisfy(m -> assertThat(m).startsWith("unknown field 'anwser'"));
                    assertThat(e.getMessage()).startsWith("The question bank in " + folder + " has 9 problems:");
                });
    }

    @Test
    void rejectsAMissingTopicsFileAndAnEmptyFolder() throws IOException {
        Files.delete(folder.resolve("topics.yaml"));

        assertThatThrownBy(() -> loader.load(folder))
                .isInstanceOfSatisfying(InvalidBankException.class, e -> assertThat(e.problems())
                        .extracting(BankProblem::toString)
                        .containsExactly(
                                "topics.yaml: is missing; it declares the topics questions may use",
                                folder + ": holds no question files (*.yaml besides topics.yaml)"));
    }

    @Test
    void rejectsAFileThatIsNotAList() throws IOException {
        write("rag.yaml", "id: what-is-rag\ntopic: rag\n");

        assertThatThrownBy(() -> loader.load(folder))
                .isInstanceOfSatisfying(InvalidBankException.class, e -> assertThat(e.problems())
                        .extracting(BankProblem::toString)
                        .containsExactly("rag.yaml: must be a list of questions (each starting with '- id: ...')"));
    }

    @Test
    void rejectsOverlongAnswers() throws IOException {
        write("rag.yaml", GOOD_ENTRY.replace(
                "answer: Retrieval-augmented generation retrieves passages and conditions generation on them.",
                "answer: " + "x".repeat(2_001)));

        assertThatThrownBy(() -> loader.load(folder))
                .isInstanceOfSatisfying(InvalidBankException.class, e -> assertThat(e.problems())
                        .extracting(BankProblem::message)
                        .containsExactly("'answer' is 2001 characters; the limit is 2000"));
    }

    @Test
    void readsMisconceptionsAndOrigin() throws IOException {
        write("rag.yaml", GOOD_ENTRY + """
                  misconceptions:
                    - RAG fine-tunes the model's weights on the retrieved passages at query time.
                    - "  RAG removes the need for a prompt.  "
                - id: rag-chunking
                  topic: rag
                  difficulty: medium
                  question: Why chunk documents?
                  answer: Chunks fit the context window and retrieve precisely.
                  origin: quizbot
                  sources: []
                """);

        QuestionBank bank = loader.load(folder);

        Question rag = bank.question("what-is-rag").orElseThrow();
        assertThat(rag.misconceptions()).containsExactly(
                "RAG fine-tunes the model's weights on the retrieved passages at query time.",
                "RAG removes the need for a prompt.");
        assertThat(rag.commonMistake()).contains(
                "RAG fine-tunes the model's weights on the retrieved passages at query time.");
        assertThat(rag.origin()).isEmpty();
        Question chunking = bank.question("rag-chunking").orElseThrow();
        assertThat(chunking.origin()).contains(Question.ORIGIN_QUIZBOT);
        assertThat(chunking.misconceptions()).isEmpty();
        assertThat(chunking.commonMistake()).isEmpty();
    }

    @Test
    void rejectsBadMisconceptionsAndOriginsWithFileAndEntry() throws IOException {
        write("rag.yaml", GOOD_ENTRY + """
                  origin: QuizBot
                  misconceptions:
                    - RAG fine-tunes the model at query time.
                    - "rag fine-tunes the model   at query time"
                    - "   "
                    - Retrieve then generate.
                    - retrieval-augmented generation retrieves passages and conditions generation on them
                    - %s
                """.formatted("x".repeat(301)));

        assertThatThrownBy(() -> loader.load(folder))
                .isInstanceOfSatisfying(InvalidBankException.class, e -> assertThat(e.problems())
                        .extracting(BankProblem::toString)
                        .containsExactlyInAnyOrder(
                                "rag.yaml: entry 1 (id 'what-is-rag'): misconception 3 has no text",
                                "rag.yaml: entry 1 (id 'what-is-rag'): misconception 2 repeats an earlier misconception: 'rag fine-tunes the model   at query time'",
                                "rag.yaml: entry 1 (id 'what-is-rag'): misconception 4 is the same text as the answer or an 'accept' entry; a misconception must be a wrong claim",
                                "rag.yaml: entry 1 (id 'what-is-rag'): misconception 5 is the same text as the answer or an 'accept' entry; a misconception must be a wrong claim",
                                "rag.yaml: entry 1 (id 'what-is-rag'): misconception 6 is 301 characters; the limit is 300",
                                "rag.yaml: entry 1 (id 'what-is-rag'): unknown origin 'QuizBot' (use 'quizbot' for questions we wrote, or leave it out for questions from the seed documents)"));
    }

    @Test
    void rejectsMisconceptionsThatAreNotAListOrTooMany() throws IOException {
        StringBuilder many = new StringBuilder("  misconceptions:\n");
        for (int i = 1; i <= 9; i++) {
            many.append("    - Wrong claim number ").append(i).append(".\n");
        }
        write("rag.yaml", GOOD_ENTRY + many + GOOD_ENTRY.replace("what-is-rag", "rag-again")
                + "  misconceptions: RAG is fine-tuning.\n");

        assertThatThrownBy(() -> loader.load(folder))
                .isInstanceOfSatisfying(InvalidBankException.class, e -> assertThat(e.problems())
                        .extracting(BankProblem::toString)
                        .containsExactlyInAnyOrder(
                                "rag.yaml: entry 1 (id 'what-is-rag'): has 9 misconceptions; keep to the 8 most common",
                                "rag.yaml: entry 2 (id 'rag-again'): 'misconceptions' must be a list"));
    }

    @Test
    void reloadKeepsTheLastGoodBankWhenTheNewOneIsInvalid() throws IOException {
        write("rag.yaml", GOOD_ENTRY);
        QuestionBankService service = new QuestionBankService(loader, folder);

        write("rag.yaml", GOOD_ENTRY.replace("difficulty: easy", "difficulty: trivial"));
        BankReload rejected = service.reload();

        assertThat(rejected).isInstanceOfSatisfying(BankReload.Rejected.class, r -> assertThat(r.problems())
                .extracting(BankProblem::message)
                .containsExactly("unknown difficulty 'trivial' (use easy, medium or hard)"));
        assertThat(service.bank().question("what-is-rag")).isPresent();

        write("rag.yaml", GOOD_ENTRY.replace("What is RAG?", "What does RAG stand for?"));
        BankReload reloaded = service.reload();

        assertThat(reloaded).isInstanceOf(BankReload.Reloaded.class);
        assertThat(service.bank().question("what-is-rag").orElseThrow().question())
                .isEqualTo("What does RAG stand for?");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }
}
