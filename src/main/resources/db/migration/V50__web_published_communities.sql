-- Communities whose boards an admin put on the web page (`leaderboard publish on`). A community
-- absent here is not listed by the web API and its boards, players, teams and rounds answer 404.
CREATE TABLE published_community (
    community_key  VARCHAR(200) NOT NULL PRIMARY KEY,
    published_by   VARCHAR(120) NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
