package dev.quizbot.grading;

/**
 * The real MiniLM model, loaded once for the whole test run (tests in one JVM share it), so
 * every grading test uses real inference without paying the load more than once.
 */
final class SharedModel {

    private static volatile SentenceModels.Load minilm;

    private SharedModel() {
    }

    static synchronized SentenceModels.Load minilm() {
        if (minilm == null) {
            minilm = SentenceModels.load(SentenceModel.ALL_MINILM_L6_V2_Q);
        }
        return minilm;
    }

    static EmbeddingModel model() {
        return minilm().loaded().orElseThrow(() -> new AssertionError("the MiniLM model must load in tests: " + minilm()));
    }
}
