-- Where each round's question was posted in Slack, so answer counts, the closed state and a
-- threaded reveal can edit or reply to it, also after a restart.
CREATE TABLE slack_round_post (
    round_id      BIGINT       NOT NULL PRIMARY KEY,
    team_id       VARCHAR(32)  NOT NULL,
    channel_id    VARCHAR(32)  NOT NULL,
    message_ts    VARCHAR(32)  NOT NULL,
    question_id   VARCHAR(200) NOT NULL,
    topic         VARCHAR(100) NOT NULL,
    topic_name    VARCHAR(200) NOT NULL,
    difficulty    VARCHAR(10)  NOT NULL,
    question_text VARCHAR(10000) NOT NULL,
    closes_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answer_count  INT          NOT NULL DEFAULT 0,
    posted_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
