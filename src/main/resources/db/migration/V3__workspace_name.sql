-- A workspace's name as people know it (the Slack team's, the Discord server's, or configured
-- for the console): the heading of its pictures. Empty until known.
ALTER TABLE workspaces ADD COLUMN name TEXT NOT NULL DEFAULT '';
