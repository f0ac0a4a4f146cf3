-- When the "closing in 1 minute" notice went out for a round, so each round gets it once,
-- also across restarts and instances. NULL: not sent (yet, or the round is too short for one).
ALTER TABLE quiz_round ADD COLUMN closing_notice_at TIMESTAMP WITH TIME ZONE;

-- The community's timezone when a Slack question was posted, so edits of the post keep
-- showing its close time as the first post did.
ALTER TABLE slack_round_post ADD COLUMN zone VARCHAR(64);
