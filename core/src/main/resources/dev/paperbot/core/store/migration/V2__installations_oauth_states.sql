-- Multi-workspace distribution (OAuth): one installation per workspace, and the OAuth state values in flight, so
-- that every replica sharing the store sees the same installations and can finish an install another one started.

-- The bot's installation in one workspace (team_id), or org-wide in an Enterprise Grid org (team_id '' and
-- is_enterprise_install). '' stands for "none" in the key columns: key columns cannot be NULL.
-- Tokens are sealed (AES-GCM, "v1:<key id>:<base64>") by the application before they get here; never clear text.
-- token_version grows on every token change, so two replicas refreshing a rotating token cannot overwrite a newer
-- one with an older one (compare-and-set).
CREATE TABLE installation (
    team_id               VARCHAR(64)   NOT NULL,
    enterprise_id         VARCHAR(64)   NOT NULL DEFAULT '',
    is_enterprise_install BOOLEAN       NOT NULL DEFAULT FALSE,
    app_id                VARCHAR(64)   NOT NULL DEFAULT '',
    bot_id                VARCHAR(64)   NOT NULL DEFAULT '',
    bot_user_id           VARCHAR(64)   NOT NULL DEFAULT '',
    bot_token             VARCHAR(1000) NOT NULL,
    bot_scopes            VARCHAR(2000) NOT NULL DEFAULT '',
    bot_refresh_token     VARCHAR(1000),
    bot_token_expires_at  BIGINT,
    installer_user_id     VARCHAR(64)   NOT NULL DEFAULT '',
    installed_at          BIGINT        NOT NULL,
    token_version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, enterprise_id)
);

-- OAuth state values issued by /slack/install and not used yet: a callback is accepted once, before expires_at.
-- Only a SHA-256 of the value is kept.
CREATE TABLE oauth_state (
    state_hash VARCHAR(64) NOT NULL,
    expires_at BIGINT      NOT NULL,
    PRIMARY KEY (state_hash)
);
CREATE INDEX oauth_state_by_expiry ON oauth_state (expires_at);
