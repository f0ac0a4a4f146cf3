-- One row: how many times an admin has reloaded the question bank on any instance. Every
-- instance polls it and reloads its own files when it moves, so a reload reaches them all.
CREATE TABLE bank_version (
    id           INT PRIMARY KEY,
    version      BIGINT NOT NULL,
    reloaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO bank_version (id, version, reloaded_at) VALUES (1, 0, CURRENT_TIMESTAMP);
