package dev.quizbot.grading;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where reference vectors outlive the process, keyed by model and SHA-256 of the text, so a
 * restart does not run the model over the whole bank again. {@link #inMemoryOnly()} keeps
 * nothing (command-line tools).
 */
public interface ReferenceEmbeddingStore {

    Optional<float[]> find(String model, String textHash);

    void save(String model, String textHash, float[] vector);

    static ReferenceEmbeddingStore inMemoryOnly() {
        return new ReferenceEmbeddingStore() {
            @Override
            public Optional<float[]> find(String model, String textHash) {
                return Optional.empty();
            }

            @Override
            public void save(String model, String textHash, float[] vector) {
            }
        };
    }

    static ReferenceEmbeddingStore jdbc(JdbcClient jdbc) {
        return new JdbcReferenceEmbeddingStore(jdbc);
    }
}

/** The {@code reference_embedding} table (migration V1); vectors as little-endian float32 bytes. */
final class JdbcReferenceEmbeddingStore implements ReferenceEmbeddingStore {

    private final JdbcClient jdbc;

    JdbcReferenceEmbeddingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<float[]> find(String model, String textHash) {
        return jdbc.sql("SELECT vector FROM reference_embedding WHERE model = :model AND text_hash = :hash")
                .param("model", model)
                .param("hash", textHash)
                .query((rs, row) -> decode(rs.getBytes(1)))
                .optional();
    }

    @Override
    public void save(String model, String textHash, float[] vector) {
        try {
            jdbc.sql("INSERT INTO reference_embedding (model, text_hash, dimensions, vector) VALUES (:model, :hash, :dimensions, :vector)")
                    .param("model", model)
                    .param("hash", textHash)
                    .param("dimensions", vector.length)
                    .param("vector", encode(vector))
                    .update();
        } catch (DuplicateKeyException alreadyStoredByAnotherThread) {
            // same text, same model, same vector: nothing to do
        }
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
