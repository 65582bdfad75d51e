-- One schema for SQLite and PostgreSQL: only types and syntax both understand.
-- Instants are epoch milliseconds (BIGINT), local dates ISO text (YYYY-MM-DD), local times HH:MM.
-- Every table starts its key with team_id: one workspace's rows are never addressed without it.

-- A channel's digest settings; a row exists once a channel subscribed or changed a setting.
CREATE TABLE channel (
    team_id        VARCHAR(64)  NOT NULL,
    channel_id     VARCHAR(64)  NOT NULL,
    digest_time    VARCHAR(5)   NOT NULL DEFAULT '09:00',
    time_zone      VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    quiet_on_empty BOOLEAN      NOT NULL DEFAULT FALSE,
    paused_reason  VARCHAR(200),
    paused_at      BIGINT,
    topics_version BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, channel_id)
);

-- The topics a channel follows. topic_key folds case and spacing so "LLM  Agents" and "llm agents" are one topic.
CREATE TABLE topic (
    team_id       VARCHAR(64)  NOT NULL,
    channel_id    VARCHAR(64)  NOT NULL,
    topic_key     VARCHAR(220) NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    text          VARCHAR(200) NOT NULL,
    subscribed_by VARCHAR(64)  NOT NULL,
    subscribed_at BIGINT       NOT NULL,
    PRIMARY KEY (team_id, channel_id, topic_key),
    FOREIGN KEY (team_id, channel_id) REFERENCES channel (team_id, channel_id)
);

-- Every paper ever posted to a channel: the key makes "never twice" a constraint, not a hope.
CREATE TABLE posted_paper (
    team_id    VARCHAR(64)  NOT NULL,
    channel_id VARCHAR(64)  NOT NULL,
    paper_id   VARCHAR(128) NOT NULL,
    digest_day VARCHAR(10)  NOT NULL,
    posted_at  BIGINT       NOT NULL,
    PRIMARY KEY (team_id, channel_id, paper_id)
);

-- Reactions: one row per (channel, user, paper, kind); recording it again moves its time.
CREATE TABLE feedback (
    team_id    VARCHAR(64)  NOT NULL,
    channel_id VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(64)  NOT NULL,
    paper_id   VARCHAR(128) NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (team_id, channel_id, user_id, paper_id, kind)
);
CREATE INDEX feedback_by_user ON feedback (team_id, user_id, created_at);

-- One digest run per channel and local day. The row is the claim: whoever inserted it (or took it over after its
-- lease ran out) posts. attempt is the fencing token; paper_ids and parts_* are the intent and progress a
-- successor needs to finish a run without posting a part twice.
CREATE TABLE digest_run (
    team_id       VARCHAR(64)  NOT NULL,
    channel_id    VARCHAR(64)  NOT NULL,
    day           VARCHAR(10)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    owner         VARCHAR(128) NOT NULL,
    attempt       INTEGER      NOT NULL,
    lease_until   BIGINT       NOT NULL,
    claimed_at    BIGINT       NOT NULL,
    paper_ids     TEXT         NOT NULL DEFAULT '',
    papers_as_of  BIGINT,
    parts_total   INTEGER      NOT NULL DEFAULT 0,
    parts_posted  INTEGER      NOT NULL DEFAULT 0,
    note          VARCHAR(500),
    finished_at   BIGINT,
    PRIMARY KEY (team_id, channel_id, day)
);
