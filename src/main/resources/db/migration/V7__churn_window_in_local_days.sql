-- The inactivity window counts calendar days in the workspace's time zone (KPIS.md figure 6): a
-- silent churn falls at the start of the day N days after the last sale's local date, whatever
-- the times of day and across clock changes. V2 counted N x 24 hours from the sale's instant,
-- so a late-evening sale and an early-morning one a year later could fall either side of it.
--
-- SQLite knows no time zones, so a silent end is kept as its local day (ended_day); Java places
-- that day's start in time with the workspace's zone. An explicit churn keeps its instant too.
-- The spells are derived here, in the one trigger that refreshes a customer's facts.

DROP TABLE customer_spells;
CREATE TABLE customer_spells (
    workspace_id TEXT    NOT NULL,
    customer_id  INTEGER NOT NULL,
    start_id     INTEGER NOT NULL,  -- the sale that started the spell
    started_at   INTEGER NOT NULL,
    ended_day    TEXT    NOT NULL,  -- the local day of the churn, or the day the window runs out
    ended_at     INTEGER,           -- the explicit churn's instant; NULL when silent (the start
                                    -- of ended_day in the workspace's zone)
    silent       INTEGER NOT NULL,
    won_back     INTEGER NOT NULL,  -- the customer had bought before this spell
    PRIMARY KEY (customer_id, start_id),
    CHECK ((silent = 1) = (ended_at IS NULL))
);
CREATE INDEX customer_spells_by_start ON customer_spells (workspace_id, started_at);
CREATE INDEX customer_spells_by_end
    ON customer_spells (workspace_id, ended_day, started_at, silent, customer_id);
-- A window's sales in time order (lifetime value per account owner).
CREATE INDEX sale_facts_by_time ON sale_facts (workspace_id, occurred_at);

DROP TRIGGER fact_refresh_customer;
CREATE TRIGGER fact_refresh_customer BEFORE INSERT ON fact_refresh
WHEN NEW.subject = 'customer'
BEGIN
    -- Only what changed is written: a customer may have hundreds of sales.
    DELETE FROM sale_facts
    WHERE customer_id = NEW.id
      AND EXISTS (SELECT 1 FROM events v WHERE v.voids_event_id = sale_facts.event_id);
    INSERT INTO sale_facts (event_id, workspace_id, customer_id, rep_id, opportunity_id,
                            occurred_at, day, amount_cents, cross_sell, margin_bp, is_repeat)
    SELECT e.id, e.workspace_id, e.customer_id, e.rep_id, e.opportunity_id, e.occurred_at,
           e.local_date, e.amount_cents, e.cross_sell, e.margin_bp,
           EXISTS (SELECT 1 FROM live_events p
                   WHERE p.workspace_id = e.workspace_id AND p.customer_id = e.customer_id
                     AND p.kind = 'sale' AND (p.occurred_at, p.id) < (e.occurred_at, e.id))
    FROM customers c JOIN live_events e
      ON e.workspace_id = c.workspace_id AND e.customer_id = c.id AND e.kind = 'sale'
    WHERE c.id = NEW.id
      AND NOT EXISTS (SELECT 1 FROM sale_facts f WHERE f.event_id = e.id);
    -- The customer's first live sale is new, every later one a repeat: a backdated sale or a
    -- voided first sale moves that mark.
    UPDATE sale_facts
    SET is_repeat = event_id <> (SELECT f.event_id FROM sale_facts f WHERE f.customer_id = NEW.id
                                 ORDER BY f.occurred_at, f.event_id LIMIT 1)
    WHERE customer_id = NEW.id
      AND is_repeat = (event_id = (SELECT f.event_id FROM sale_facts f
                                   WHERE f.customer_id = NEW.id
                                   ORDER BY f.occurred_at, f.event_id LIMIT 1));

    DELETE FROM customer_spells WHERE customer_id = NEW.id;
    INSERT INTO customer_spells (workspace_id, customer_id, start_id, started_at, ended_day,
                                 ended_at, silent, won_back)
    WITH w AS (
        SELECT c.workspace_id AS ws, '+' || k.inactivity_days || ' days' AS span
        FROM customers c JOIN workspaces k ON k.id = c.workspace_id
        WHERE c.id = NEW.id),
    -- The customer's live sales and churns in order (date, then logging), each with its
    -- neighbours: only the event just before or after decides whether a spell goes on.
    seq AS (
        SELECT e.id, e.occurred_at AS at, e.local_date AS day, e.kind,
               ROW_NUMBER() OVER o AS pos,
               LAG(e.kind) OVER o AS prev_kind,
               LAG(e.local_date) OVER o AS prev_day,
               LEAD(e.local_date) OVER o AS next_day,
               SUM(CASE WHEN e.kind = 'sale' THEN 1 ELSE 0 END) OVER o AS sales_so_far
        FROM live_events e, w
        WHERE e.workspace_id = w.ws AND e.customer_id = NEW.id AND e.kind IN ('sale', 'churn')
        WINDOW o AS (ORDER BY e.occurred_at, e.id)),
    -- A sale's window runs out at the start of the day N days after its local date. A sale
    -- starts a spell unless it follows a sale whose window still runs on its day. A churn ends
    -- the spell of the sale just before it, if that sale's window still runs on the churn's day;
    -- a sale ends its spell silently when nothing follows before its window runs out.
    marked AS (
        SELECT seq.id, seq.at, seq.pos, seq.sales_so_far,
               seq.kind = 'sale'
                 AND NOT (seq.prev_kind IS 'sale' AND seq.day < date(seq.prev_day, w.span))
                 AS starts,
               CASE WHEN seq.kind = 'churn' AND seq.prev_kind IS 'sale'
                         AND seq.day < date(seq.prev_day, w.span) THEN seq.day
                    WHEN seq.kind = 'sale'
                         AND (seq.next_day IS NULL OR seq.next_day >= date(seq.day, w.span))
                      THEN date(seq.day, w.span)
               END AS ended_day,
               CASE WHEN seq.kind = 'churn' THEN seq.at END AS ended_at,
               seq.kind = 'sale' AS silent
        FROM seq, w),
    ends AS (SELECT pos, ended_day, ended_at, silent FROM marked WHERE ended_day IS NOT NULL)
    -- Each spell ends at the first end at or after the sale that started it.
    SELECT w.ws, NEW.id, m.id, m.at, x.ended_day, x.ended_at, x.silent, m.sales_so_far > 1
    FROM marked m, w
    JOIN ends x ON x.pos = (SELECT MIN(n.pos) FROM ends n WHERE n.pos >= m.pos)
    WHERE m.starts;
    SELECT RAISE(IGNORE);
END;

-- The spells of the events logged so far, in local days.
INSERT INTO fact_refresh (subject, id) SELECT 'customer', id FROM customers;
