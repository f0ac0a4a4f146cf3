-- Reference-answer embeddings, computed once per model and text so a warm start skips the model.
CREATE TABLE reference_embedding (
    model       VARCHAR(100) NOT NULL,
    text_hash   CHAR(64)     NOT NULL,
    dimensions  INT          NOT NULL,
    vector      BYTEA        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (model, text_hash)
);
