-- Schedules: a routine (the weekly scorecard, the stale-quote nudges) posted in a channel of a
-- workspace at the times of a five-field cron expression, read in the schedule's time zone.
CREATE TABLE schedules (
    id            INTEGER PRIMARY KEY,
    workspace_id  TEXT    NOT NULL REFERENCES workspaces (id),
    routine       TEXT    NOT NULL CHECK (routine IN ('scorecard', 'nudges')),
    platform      TEXT    NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
    channel       TEXT    NOT NULL,
    cron          TEXT    NOT NULL,
    time_zone     TEXT    NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('active', 'paused', 'stopped')),
    paused_reason TEXT,
    set_by        TEXT    NOT NULL,  -- the platform user id of the manager who set it
    set_at        INTEGER NOT NULL,  -- runs due before this are never posted
    UNIQUE (workspace_id, routine, channel)
);

-- One run of a schedule for one period (the ISO week of a scorecard, the day of a nudge): claimed
-- before posting, done after the platform confirmed. The primary key makes a run happen once,
-- whatever the number of processes; a claim that outlives its process expires.
CREATE TABLE schedule_runs (
    schedule_id     INTEGER NOT NULL REFERENCES schedules (id),
    period          TEXT    NOT NULL,
    due_at          INTEGER NOT NULL,
    claimed_by      TEXT    NOT NULL,
    claimed_until   INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    done_at         INTEGER,
    late            INTEGER NOT NULL CHECK (late IN (0, 1)),
    PRIMARY KEY (schedule_id, period)
);

-- When a quote was last in a nudge: the same quote is nudged at most once every N days.
CREATE TABLE quote_nudges (
    opportunity_id INTEGER PRIMARY KEY REFERENCES opportunities (id),
    nudged_at      INTEGER NOT NULL
);
