-- Token buckets of the per-user command limit, one row per user per community, shared by every
-- instance and kept across restarts. tokens: what is left at refilled_at (fractions count).
CREATE TABLE rate_bucket (
    bucket_key   VARCHAR(400) PRIMARY KEY,
    tokens       DOUBLE PRECISION NOT NULL,
    refilled_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Idle buckets (full again) are deleted by age.
CREATE INDEX rate_bucket_refilled ON rate_bucket (refilled_at);

-- Slack deliveries already handled, so a retry (Slack resends after a slow acknowledgement)
-- or a duplicate is acknowledged without doing the work twice, whichever instance gets it.
CREATE TABLE slack_delivery (
    delivery_key  VARCHAR(400) PRIMARY KEY,
    seen_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX slack_delivery_seen ON slack_delivery (seen_at);
