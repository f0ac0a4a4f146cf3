package dev.quizbot.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;
import dev.quizbot.bank.Source;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The {@code import} command end to end: real files in, YAML drafts and a summary out. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private Path bank;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void givenABankWithOneEntry() throws IOException {
        bank = Files.createDirectories(dir.resolve("bank"));
        Files.copy(Path.of("questions", "topics.yaml"), bank.resolve("topics.yaml"));
        Files.writeString(bank.resolve("fine-tuning.yaml"), """
                - id: lora-qlora
                  topic: fine-tuning
                  difficulty: medium
                  question: What are LoRA and QLoRA?
                  answer: LoRA learns low-rank updates of frozen weights. QLoRA adds a 4-bit quantized base model.
                  sources:
                    - document: guide.txt
                      heading: "Q9. What is LoRA and QLoRA?"
                """);
    }

    private int run(String... args) {
        return new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<Question> load(Path draftsFile) throws IOException {
        // Drafts load with the bank's own loader once their topics are declared.
        Path check = Files.createDirectories(dir.resolve("check-" + draftsFile.getFileName()));
        Files.writeString(check.resolve("topics.yaml"), Files.readString(bank.resolve("topics.yaml"))
                + "- slug: imported\n  name: Imported\n  description: Drafts awaiting a topic.\n");
        Files.copy(draftsFile, check.resolve("drafts.yaml"));
        return List.copyOf(new QuestionBankLoader().load(check).questions());
    }

    @Test
    void csvRowsBecomeDraftsWithSourcesConceptsAndATopicGuess() throws IOException {
        Path csv = Files.writeString(dir.resolve("rag.csv"), """
                question,answer
                What is retrieval-augmented generation?,"Retrieval-augmented generation retrieves relevant documents from a vector index and passes them to the model as context, grounding the generated answer in retrieved documents."
                "How does beam search work?","Beam search keeps the k most probable partial sequences at each decoding step instead of only the single best one."
                ,orphan answer
                """);
        Path output = dir.resolve("drafts.yaml");

        int exit = run(csv.toString(), "--output", output.toString(), "--bank", bank.toString());

        assertThat(exit).isEqualTo(ImportCommand.IMPORTED);
        assertThat(stdout()).contains("rag.csv: 2 parsed, 0 likely duplicates, 1 skipped").contains("row 4: no question");
        List<Question> drafts = load(output);
        assertThat(drafts).extracting(Question::question)
                .containsExactly("What is retrieval-augmented generation?", "How does beam search work?");
        Question rag = drafts.getFirst();
        assertThat(rag.id()).isEqualTo("retrieval-augmented-generation");
        assertThat(rag.topic()).isEqualTo("rag");
        assertThat(rag.difficulty().slug()).isEqualTo("medium");
        assertThat(rag.sources()).containsExactly(new Source("rag.csv", "What is retrieval-augmented generation?"));
        assertThat(rag.concepts()).isNotEmpty().hasSizeLessThanOrEqualTo(ConceptSuggester.MAX_CONCEPTS);
        assertThat(rag.concepts()).allSatisfy(c -> assertThat(rag.answer()).containsIgnoringCase(c.phrase()));
        assertThat(rag.concepts()).anySatisfy(c -> assertThat(c.phrase()).contains("documents"));
    }

    @Test
    void jsonItemsBecomeDraftsAndTheOutputValidatesAgainstTheSchema() throws IOException {
        Path json = Files.writeString(dir.resolve("qa.json"), """
                [
                  {"question": "What is perplexity?", "answer": "Perplexity is the exponential of the average negative log-likelihood per token; lower means the model predicts text better."},
                  {"question": "   ", "answer": "nothing asked"},
                  "not an object"
                ]
                """);
        Path output = dir.resolve("out.yaml");

        int exit = run(json.toString(), "--output", output.toString(), "--bank", bank.toString());

        assertThat(exit).isEqualTo(ImportCommand.IMPORTED);
        assertThat(stdout()).contains("qa.json: 1 parsed, 0 likely duplicates, 2 skipped")
                .contains("item 2: no 'question' text").contains("item 3: not an object");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("questions", "question-bank.schema.json")), InputFormat.JSON);
        assertThat(schema.validate(YAMLMapper.builder().build().readTree(output.toFile()))).isEmpty();
        assertThat(load(output)).singleElement().satisfies(q -> {
            assertThat(q.question()).isEqualTo("What is perplexity?");
            assertThat(q.sources()).containsExactly(new Source("qa.json", "What is perplexity?"));
        });
    }

    @Test
    void aBadFileGetsAClearMessageAndTheOthersStillImport() throws IOException {
        Path good = Files.writeString(dir.resolve("guide.md"), """
                # 1. What is tokenization?
                - Splitting text into tokens such as subwords.
                """);
        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"question\": \"Unclosed");
        Path binary = Files.write(dir.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Path missing = dir.resolve("missing.csv");
        Path output = dir.resolve("out");

        int exit = run(broken.toString(), missing.toString(), good.toString(), binary.toString(),
                "--output", output.toString(), "--bank", bank.toString());

        assertThat(exit).isEqualTo(ImportCommand.IMPORTED);
        assertThat(stderr()).contains("broken.json: not imported: broken.json is not valid JSON")
                .contains("missing.csv: not imported: missing.csv does not exist")
                .contains("image.txt: not imported: image.txt looks like a binary file");
        assertThat(stdout()).contains("guide.md: 1 parsed, 0 likely duplicates, 0 skipped");
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("embeddings.yaml");
        }
    }

    @Test
    void exitsNonZeroWhenNothingCouldBeImported() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Shopping list\n1. Milk\n2. Bread\n");
        Path output = dir.resolve("out");

        int exit = run(notes.toString(), dir.resolve("nope.txt").toString(), "--output", output.toString(),
                "--bank", bank.toString());

        assertThat(exit).isEqualTo(ImportCommand.NOTHING_IMPORTED);
        assertThat(stderr()).contains("notes.txt contains no questions that could be recognised")
                .contains("Nothing was imported.");
        assertThat(output).doesNotExist();
    }

    @Test
    void flagsDuplicatesOfTheBankAndOfEachOtherSayingWhichEntry() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.txt"), """
                Q9. What is LoRA and QLoRA?
                Ans - Low-rank adapters; QLoRA quantizes the base model to 4 bits.

                Q10. What are LoRA & QLoRA?
                Ans - Adapters again.

                Q11. How does knowledge distillation help in LLMs?
                Ans - A student model learns to mimic a teacher model.

                Q12. How does knowledge distillation benefit LLMs?
                Ans - It shrinks models while keeping most of the teacher's quality.

                Q13. What is beam search?
                Ans - Keeping the k best partial sequences while decoding.
                """);
        Path output = dir.resolve("drafts.yaml");

        int exit = run(guide.toString(), "--output", output.toString(), "--bank", bank.toString());

        assertThat(exit).isEqualTo(ImportCommand.IMPORTED);
        assertThat(stdout()).contains("guide.txt: 5 parsed, 3 likely duplicates, 0 skipped");
        String yaml = Files.readString(output);
        assertThat(yaml)
                .contains("# LIKELY DUPLICATE of bank entry 'lora-qlora' (it already lists this heading as a source)\n- id: lora-qlora-2")
                .containsPattern("# LIKELY DUPLICATE of bank entry 'lora-qlora': \"What are LoRA and QLoRA\\?\" "
                        + "\\(meaning 0\\.\\d\\d, shared words 1\\.00\\)\n- id: lora-qlora-3")
                .contains("# LIKELY DUPLICATE of draft 'knowledge-distillation-help-llms' (guide.txt)");
        assertThat(load(output)).extracting(Question::id).doesNotHaveDuplicates()
                .doesNotContain("lora-qlora").contains("beam-search");
    }

    @Test
    void neverOverwritesAnExistingFileButWritesAlongsideIt() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.txt"), "Q1. What is a hyperparameter?\nAns - A setting chosen before learning starts.\n");
        Path output = Files.writeString(dir.resolve("drafts.yaml"), "# my reviewed drafts\n");
        Path folder = Files.createDirectories(dir.resolve("out"));
        Path existingInFolder = Files.writeString(folder.resolve("imported.yaml"), "# keep me\n");

        int toFile = run(guide.toString(), "--output", output.toString(), "--bank", bank.toString());
        int toFolder = run(guide.toString(), "--output", folder.toString(), "--bank", bank.toString());

        assertThat(toFile).isEqualTo(ImportCommand.IMPORTED);
        assertThat(toFolder).isEqualTo(ImportCommand.IMPORTED);
        assertThat(Files.readString(output)).isEqualTo("# my reviewed drafts\n");
        assertThat(Files.readString(existingInFolder)).isEqualTo("# keep me\n");
        assertThat(Files.readString(dir.resolve("drafts-2.yaml"))).contains("question: What is a hyperparameter?");
        assertThat(Files.readString(folder.resolve("imported-2.yaml"))).contains("question: What is a hyperparameter?");
        assertThat(stdout()).contains("drafts.yaml already exists and was left untouched")
                .contains("imported.yaml already exists and was left untouched");
    }

    @Test
    void usageErrorsExplainThemselves() {
        assertThat(run("--output")).isEqualTo(ImportCommand.USAGE);
        assertThat(run("--frobnicate", "x.txt")).isEqualTo(ImportCommand.USAGE);
        assertThat(run()).isEqualTo(ImportCommand.USAGE);
        assertThat(stderr()).contains("--output needs a path after it").contains("unknown option --frobnicate")
                .contains("name at least one file to import").contains("Usage: quizbot import FILE...");
    }

    @Test
    void importsWithoutABankButSaysDuplicatesWereNotChecked() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.txt"), "Q1. What is beam search?\nAns - Keeping the k best sequences.\n");

        int exit = run(guide.toString(), "--output", dir.resolve("d.yaml").toString(), "--bank", dir.resolve("none").toString());

        assertThat(exit).isEqualTo(ImportCommand.IMPORTED);
        assertThat(stderr()).contains("No bank folder at").contains("not checked against existing entries");
        assertThat(new Importer(new QuestionBank(List.of(), List.of())).importFiles(List.of(guide)).drafts())
                .singleElement().satisfies(d -> assertThat(d.entry().topic()).isEqualTo(TopicGuesser.UNSURE));
    }
}
