-- Where each round's question was posted on Discord, so that the live answer count and the
-- closing edit still find the message after a restart. Removed when the round closes.
create table discord_question_post (
    round_id      bigint        not null primary key,
    guild_id      varchar(32)   not null,
    channel_id    varchar(32)   not null,
    message_id    varchar(32)   not null,
    scheduled     boolean       not null,
    question_json varchar(20000) not null,
    posted_at     timestamp with time zone not null
);
