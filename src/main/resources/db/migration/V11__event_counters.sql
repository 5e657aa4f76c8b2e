-- Each workspace's last event number, in one row the appending transaction increments: the next
-- #number comes from here, not from max(number) + 1, so that on PostgreSQL two processes appending
-- at once queue on this row (its lock) and get consecutive numbers, never the same one twice.
CREATE TABLE event_counters (
    workspace_id TEXT    PRIMARY KEY REFERENCES workspaces (id),
    last_number  INTEGER NOT NULL
);
INSERT INTO event_counters (workspace_id, last_number)
SELECT workspace_id, MAX(number) FROM events GROUP BY workspace_id;
