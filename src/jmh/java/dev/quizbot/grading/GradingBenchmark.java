package dev.quizbot.grading;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.quizbot.bank.QuestionBankLoader;
import dev.quizbot.grading.calibration.LabelledAnswers;

/**
 * Grading latency against the raw model: the development-set answers that reach the model
 * are graded (reference side read once and kept, as in a running bot) and, separately, only embedded.
 * Run: {@code ./mvnw -Pbench verify} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GradingBenchmark {

    private List<LabelledAnswers.Item> answers;
    private List<String> screenedTexts;
    private CombinedGrader grader;
    private CombinedGrader graderWithSettled;
    private AnswerAnalyzer withoutModel;
    private EmbeddingModel model;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void setUp() {
        var bank = new QuestionBankLoader().load(Path.of("questions"));
        answers = LabelledAnswers.read(Path.of("src/test/resources/grading/devset.jsonl"), bank).items();
        SentenceModels.Load load = SentenceModels.load(SentenceModel.ALL_MINILM_L6_V2_Q);
        model = load.loaded().orElseThrow();
        grader = CombinedGrader.create(load);
        answers.forEach(a -> grader.grade(a.question(), a.answer())); // reference vectors cached, as after start-up
        // Only answers that reach the model, so grading and raw embedding time the same texts
        // (an "idk" is graded in microseconds and would flatter the grader).
        answers = answers.stream()
                .filter(a -> grader.analyzer().analyze(a.question(), a.answer()).features().isPresent())
                .toList();
        // A reviewed bank at its bound: every question with SettledAnswers.MAX_EACH right and wrong
        // settled answers (its own development answers first, then other questions' to fill up).
        Map<String, SettledAnswers> settled = new HashMap<>();
        for (LabelledAnswers.Item item : answers) {
            settled.computeIfAbsent(item.question().id(), id -> new SettledAnswers(
                    settledOf(id, Verdict.CORRECT), settledOf(id, Verdict.INCORRECT)));
        }
        graderWithSettled = CombinedGrader.create(load, CombinedGrader.DEFAULT_PROVISIONAL_BELOW,
                id -> settled.getOrDefault(id, SettledAnswers.NONE));
        answers.forEach(a -> graderWithSettled.grade(a.question(), a.answer())); // their texts read once, as in a running bot
        // The text the grader hands the model: capped, markup and repeated sentences removed.
        withoutModel = new AnswerAnalyzer(java.util.Optional.empty());
        AnswerScreen screen = new AnswerScreen();
        screenedTexts = answers.stream().map(a -> screen.screen(a.answer()).text()).toList();
    }

    private List<String> settledOf(String questionId, Verdict label) {
        Stream<String> own = answers.stream()
                .filter(a -> a.question().id().equals(questionId) && a.label() == label).map(LabelledAnswers.Item::answer);
        Stream<String> others = answers.stream()
                .filter(a -> !a.question().id().equals(questionId) && a.label() == label).map(LabelledAnswers.Item::answer);
        return Stream.concat(own, others).distinct().limit(SettledAnswers.MAX_EACH).toList();
    }

    private LabelledAnswers.Item next(Cursor cursor) {
        LabelledAnswers.Item item = answers.get(cursor.next);
        cursor.next = (cursor.next + 1) % answers.size();
        return item;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public Grade gradeOneAnswer(Cursor cursor) {
        LabelledAnswers.Item item = next(cursor);
        return grader.grade(item.question(), item.answer());
    }

    /** The same answers where every question has the most settled answers the grader weighs. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public Grade gradeOneAnswerWithSettledAnswers(Cursor cursor) {
        LabelledAnswers.Item item = next(cursor);
        return graderWithSettled.grade(item.question(), item.answer());
    }

    /** What the model alone costs for the same text: the screened text the grader embeds. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public float[] embedOneAnswer(Cursor cursor) {
        int index = cursor.next;
        cursor.next = (cursor.next + 1) % screenedTexts.size();
        return model.embed(screenedTexts.get(index));
    }

    /** The grader's own work on the same answers without the model: screen, concepts, word alignment by stems, WordNet, rules. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public Object analyzeWithoutModel(Cursor cursor) {
        LabelledAnswers.Item item = next(cursor);
        return withoutModel.analyze(item.question(), item.answer());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Grade gradeBatchOnTwoThreads(Cursor cursor) {
        LabelledAnswers.Item item = next(cursor);
        return grader.grade(item.question(), item.answer());
    }
}
