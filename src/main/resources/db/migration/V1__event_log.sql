-- The sales event log (KPIS.md, "The sales process as events").
-- Instants are epoch milliseconds in UTC; local_date is the event's day in the workspace's time
-- zone (yyyy-mm-dd), so figures can group by day, week and month without time-zone arithmetic.
-- Amounts are integer cents. Every row carries its workspace.

CREATE TABLE workspaces (
    id                TEXT    PRIMARY KEY,
    locale            TEXT    NOT NULL,
    time_zone         TEXT    NOT NULL,
    currency          TEXT    NOT NULL,
    default_margin_bp INTEGER NOT NULL CHECK (default_margin_bp BETWEEN 0 AND 10000),
    inactivity_days   INTEGER NOT NULL CHECK (inactivity_days > 0),
    stale_quote_days  INTEGER NOT NULL CHECK (stale_quote_days > 0),
    created_at        INTEGER NOT NULL
);

CREATE TABLE reps (
    id               INTEGER PRIMARY KEY,
    workspace_id     TEXT    NOT NULL REFERENCES workspaces (id),
    platform_user_id TEXT    NOT NULL,
    display_name     TEXT    NOT NULL,
    name_key         TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    UNIQUE (workspace_id, platform_user_id)
);
CREATE INDEX reps_by_name ON reps (workspace_id, name_key);

CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    workspace_id TEXT    NOT NULL REFERENCES workspaces (id),
    name         TEXT    NOT NULL,
    name_key     TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    UNIQUE (workspace_id, name_key)
);
-- Customers of a workspace in the order they were added (the name cache catches up by id).
CREATE INDEX customers_by_workspace ON customers (workspace_id, id);

-- An opportunity is one sales trajectory with one customer, carried by the rep who opened it.
-- When it opened, whether it had a lead, and its state (open, won, lost) are not stored: they
-- follow from its events that are not voided, in order of their date.
CREATE TABLE opportunities (
    id           INTEGER PRIMARY KEY,
    workspace_id TEXT    NOT NULL REFERENCES workspaces (id),
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    rep_id       INTEGER NOT NULL REFERENCES reps (id)
);
CREATE INDEX opportunities_by_customer ON opportunities (workspace_id, customer_id);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    workspace_id     TEXT    NOT NULL REFERENCES workspaces (id),
    number           INTEGER NOT NULL,          -- the #number users see, per workspace
    interaction_id   TEXT    NOT NULL,          -- the platform request that logged it
    kind             TEXT    NOT NULL CHECK (kind IN ('lead', 'appointment', 'quote', 'followup',
                                                      'sale', 'lost', 'churn', 'cost', 'target',
                                                      'void')),
    rep_id           INTEGER NOT NULL REFERENCES reps (id),   -- whose work it is
    logged_by        INTEGER NOT NULL REFERENCES reps (id),   -- who typed it
    customer_id      INTEGER REFERENCES customers (id),
    opportunity_id   INTEGER REFERENCES opportunities (id),
    amount_cents     INTEGER CHECK (amount_cents IS NULL OR amount_cents > 0),
    occurred_at      INTEGER NOT NULL,
    local_date       TEXT    NOT NULL,
    logged_at        INTEGER NOT NULL,
    cross_sell       INTEGER NOT NULL DEFAULT 0 CHECK (cross_sell IN (0, 1)),
    margin_bp        INTEGER CHECK (margin_bp IS NULL OR margin_bp BETWEEN 0 AND 10000),
    source           TEXT,
    reason           TEXT,
    followup_kind    TEXT CHECK (followup_kind IS NULL OR followup_kind IN ('call', 'visit')),
    products         TEXT,                      -- comma-separated product names
    label            TEXT,                      -- what an acquisition cost was spent on
    voids_event_id   INTEGER REFERENCES events (id),
    UNIQUE (workspace_id, interaction_id),
    UNIQUE (workspace_id, number),
    CHECK ((kind = 'void') = (voids_event_id IS NOT NULL))
);
-- An event is voided at most once.
CREATE UNIQUE INDEX events_voided_once ON events (voids_event_id) WHERE voids_event_id IS NOT NULL;
CREATE INDEX events_by_opportunity ON events (opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX events_by_customer ON events (workspace_id, customer_id, kind, occurred_at);
CREATE INDEX events_by_author ON events (workspace_id, logged_by, id);
CREATE INDEX events_by_kind_and_time ON events (workspace_id, kind, occurred_at);

-- Targets: the event carries amount and author; this row says for which period and whom.
CREATE TABLE targets (
    event_id     INTEGER PRIMARY KEY REFERENCES events (id),
    workspace_id TEXT    NOT NULL REFERENCES workspaces (id),
    metric       TEXT    NOT NULL DEFAULT 'revenue' CHECK (metric IN ('revenue')),
    period_start TEXT    NOT NULL,              -- local date, inclusive
    period_end   TEXT    NOT NULL,              -- local date, inclusive
    period_unit  TEXT    NOT NULL,              -- how it was asked: month, quarter, year, ...
    rep_id       INTEGER REFERENCES reps (id)   -- NULL: the whole team
);
CREATE INDEX targets_by_period ON targets (workspace_id, period_start);

-- Events that count: not voided, and not themselves a void.
CREATE VIEW live_events AS
SELECT e.*
FROM events e
WHERE e.kind <> 'void'
  AND NOT EXISTS (SELECT 1 FROM events v WHERE v.voids_event_id = e.id);

-- Acquisition costs are events of kind 'cost'; this view is their table.
CREATE VIEW acquisition_costs AS
SELECT id AS event_id, workspace_id, amount_cents, occurred_at, local_date, label
FROM live_events
WHERE kind = 'cost';

-- Append-only: a correction is a void, never an edit.
CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: log a void instead');
END;
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: log a void instead');
END;
CREATE TRIGGER targets_are_never_updated BEFORE UPDATE ON targets
BEGIN
    SELECT RAISE(ABORT, 'targets are append-only: void the target event instead');
END;
CREATE TRIGGER targets_are_never_deleted BEFORE DELETE ON targets
BEGIN
    SELECT RAISE(ABORT, 'targets are append-only: void the target event instead');
END;
