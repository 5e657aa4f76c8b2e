-- The one row /healthz rewrites in a transaction: the smallest write that proves the database file
-- still takes writes (not read-only, not full, not corrupt).
CREATE TABLE health_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  written_at TEXT NOT NULL
);
INSERT INTO health_probe (id, written_at) VALUES (1, '');
