-- The key that signs the review page's links when QUIZBOT_REVIEW_SECRET is not set: made
-- at random by the first instance that needs it, read by every other, so a link one instance
-- gives works on all of them. One row.
CREATE TABLE review_link_secret (
    id      INT          NOT NULL PRIMARY KEY,
    secret  VARCHAR(100) NOT NULL
);
