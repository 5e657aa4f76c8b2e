-- Whether replies follow each user's own language where the platform tells it (Discord does),
-- instead of the workspace's. Off unless the configuration turns it on.
ALTER TABLE workspaces ADD COLUMN user_language INTEGER NOT NULL DEFAULT 0 CHECK (user_language IN (0, 1));
