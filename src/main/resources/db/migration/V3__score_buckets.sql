-- Points rolled up per leaderboard window as answers arrive, so a board is an index range
-- read instead of an aggregate over every answer (see docs/benchmarks.md, "Leaderboards").
-- scope_key is a community key for server boards and a channel key for channel boards;
-- span is DAY, WEEK, MONTH or ALL; span_start is the period's first local day in the
-- community's timezone at the time of the answer (1970-01-01 for ALL).
CREATE TABLE score_bucket (
    scope_key   VARCHAR(300) NOT NULL,
    span        VARCHAR(5)   NOT NULL,
    span_start  DATE         NOT NULL,
    user_id     VARCHAR(120) NOT NULL,
    points      BIGINT       NOT NULL,
    answers     INT          NOT NULL,
    correct     INT          NOT NULL,
    PRIMARY KEY (scope_key, span, span_start, user_id)
);
-- Top rows and "how many are ahead of me" both read this index in points order.
CREATE INDEX score_bucket_rank ON score_bucket (scope_key, span, span_start, points DESC);
