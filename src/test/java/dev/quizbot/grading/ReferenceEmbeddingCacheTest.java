package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reference-vector cache on a real H2 database migrated by the real Flyway scripts. */
class ReferenceEmbeddingCacheTest {

    /** The real model, recording which texts it was asked to embed. */
    private static final class RecordingModel implements EmbeddingModel {
        final List<String> embedded = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return SharedModel.model().name();
        }

        @Override
        public float[] embed(String text) {
            embedded.add(text);
            return SharedModel.model().embed(text);
        }
    }

    private JdbcClient jdbc;

    @BeforeEach
    void migrateAFreshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:cache-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    private CombinedGrader graderWith(RecordingModel model) {
        return CombinedGrader.create(new SentenceModels.Load.Ready(model), ReferenceEmbeddingStore.jdbc(jdbc));
    }

    @Test
    void aWarmStartReadsReferenceVectorsFromTheDatabaseInsteadOfRecomputingThem() {
        String answer = "LoRA trains low-rank adapters on frozen weights.";
        RecordingModel first = new RecordingModel();
        Grade cold = graderWith(first).grade(PilotBank.LORA, answer);
        assertThat(first.embedded).contains(PilotBank.LORA.answer(), PilotBank.LORA.question());
        int stored = jdbc.sql("SELECT COUNT(*) FROM reference_embedding").query(Integer.class).single();
        assertThat(stored).isGreaterThanOrEqualTo(3); // whole reference, its sentences, the question, accepted answers

        RecordingModel afterRestart = new RecordingModel();
        Grade warm = graderWith(afterRestart).grade(PilotBank.LORA, answer);
        assertThat(afterRestart.embedded).containsExactly(answer);
        assertThat(warm).isEqualTo(cold);
    }

    @Test
    void rowsAreKeyedByModelAndTheSha256OfTheText() {
        graderWith(new RecordingModel()).grade(PilotBank.RAG, "It retrieves documents.");
        List<String> keys = jdbc.sql("SELECT model || ':' || text_hash FROM reference_embedding").query(String.class).list();
        assertThat(keys).contains(SharedModel.model().name() + ":" + ReferenceEmbeddings.sha256(PilotBank.RAG.answer()));
        int dimensions = jdbc.sql("SELECT MAX(dimensions) FROM reference_embedding").query(Integer.class).single();
        assertThat(dimensions).isEqualTo(384);
    }
}
