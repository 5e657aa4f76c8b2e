-- Who may see a workspace on the web. A dashboard link is signed, not stored: what revocation needs
-- is the workspace's link epoch, which every link and session carries and which /dashboard revoke
-- raises, so that every earlier link and session stops working at once.
ALTER TABLE workspaces ADD COLUMN link_epoch INTEGER NOT NULL DEFAULT 0;

-- The JSON API's bearer tokens: only a SHA-256 hash of each is kept (the token is shown once). A
-- revoked token keeps its row (its name, who made it) but no longer opens anything; a live token's
-- name is unique in its workspace, a revoked one's may be used again.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    workspace_id TEXT    NOT NULL REFERENCES workspaces (id),
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,  -- lowercase hex of SHA-256 over the token's UTF-8
    created_by   TEXT    NOT NULL,         -- the platform user id of the manager who made it
    created_at   INTEGER NOT NULL,         -- epoch milliseconds, as every other instant
    revoked_at   INTEGER,
    last_used_at INTEGER
);
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (workspace_id, name)
    WHERE revoked_at IS NULL;
