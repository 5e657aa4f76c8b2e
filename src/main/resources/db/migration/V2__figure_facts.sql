-- Facts the figures read: what each opportunity reached, each live sale with whether it was a
-- repeat, and each customer's active spells. Events stay the only truth. These tables are derived
-- from the live events and are never written by the application: triggers keep them up to date in
-- the same transaction as every append or void, so a figure reads a few indexed rows per
-- opportunity, sale or customer instead of re-deriving state from the whole log.
-- (On a million events, re-deriving took seconds per answer; see the README's figure benchmark.)

CREATE TABLE opportunity_facts (
    opportunity_id INTEGER PRIMARY KEY REFERENCES opportunities (id),
    workspace_id   TEXT    NOT NULL,
    rep_id         INTEGER NOT NULL,
    customer_id    INTEGER NOT NULL,
    lead_at        INTEGER,     -- the first live lead
    appointment_at INTEGER,     -- the first live appointment
    first_quote_at INTEGER,
    quote_cents    INTEGER,     -- the latest live quote (by date, then logging): a revision replaces
    last_touch_at  INTEGER,     -- the latest live quote or follow-up
    won_at         INTEGER,     -- the first live sale
    lost_at        INTEGER      -- the first live lost
);
CREATE INDEX opportunity_facts_by_lead
    ON opportunity_facts (workspace_id, lead_at, rep_id, appointment_at, first_quote_at, won_at,
                          lost_at)
    WHERE lead_at IS NOT NULL;
CREATE INDEX opportunity_facts_by_quote
    ON opportunity_facts (workspace_id, first_quote_at, rep_id, quote_cents, won_at, lost_at)
    WHERE first_quote_at IS NOT NULL;
CREATE INDEX opportunity_facts_by_win ON opportunity_facts (workspace_id, won_at)
    WHERE won_at IS NOT NULL AND first_quote_at IS NOT NULL;
CREATE INDEX opportunity_facts_by_loss ON opportunity_facts (workspace_id, lost_at)
    WHERE lost_at IS NOT NULL AND first_quote_at IS NOT NULL;
-- Open quotes per rep by their last touch: the stale quotes, oldest first.
CREATE INDEX opportunity_facts_open_quotes
    ON opportunity_facts (workspace_id, rep_id, last_touch_at)
    WHERE first_quote_at IS NOT NULL AND won_at IS NULL AND lost_at IS NULL;

CREATE TABLE sale_facts (
    event_id       INTEGER PRIMARY KEY REFERENCES events (id),
    workspace_id   TEXT    NOT NULL,
    customer_id    INTEGER NOT NULL,
    rep_id         INTEGER NOT NULL,
    opportunity_id INTEGER,
    occurred_at    INTEGER NOT NULL,
    day            TEXT    NOT NULL,  -- the local date, as logged
    amount_cents   INTEGER NOT NULL,
    cross_sell     INTEGER NOT NULL,
    margin_bp      INTEGER,
    is_repeat      INTEGER NOT NULL  -- the customer has an earlier live sale (by date, then logging)
);
-- By value (medians: the middle of a period's orders is read in order of value, never sorted) and
-- by customer (the trigger; the customers who bought in a window).
CREATE INDEX sale_facts_by_value ON sale_facts (workspace_id, amount_cents, occurred_at);
CREATE INDEX sale_facts_by_rep_value ON sale_facts (workspace_id, rep_id, amount_cents, occurred_at);
CREATE INDEX sale_facts_by_customer ON sale_facts (customer_id, occurred_at, event_id);

-- Each rep's sales summed per local day: a year of a team is some 18,000 rows, not every sale.
-- Periods are whole local days, so every period's sums are sums of days. Kept by the triggers
-- on sale_facts below; a day whose sales were all voided stays, with zeros.
CREATE TABLE sales_by_day (
    workspace_id     TEXT    NOT NULL,
    rep_id           INTEGER NOT NULL,
    day              TEXT    NOT NULL,
    sales            INTEGER NOT NULL,
    revenue_cents    INTEGER NOT NULL,
    cross_sells      INTEGER NOT NULL,
    cross_sell_cents INTEGER NOT NULL,
    repeats          INTEGER NOT NULL,
    repeat_cents     INTEGER NOT NULL,
    margined_cents   INTEGER NOT NULL,  -- the sum of amount x margin (basis points) where logged
    unmargined_cents INTEGER NOT NULL,  -- the amounts of the sales without a margin
    PRIMARY KEY (workspace_id, rep_id, day)
) WITHOUT ROWID;
CREATE INDEX sales_by_day_by_day
    ON sales_by_day (workspace_id, day, sales, revenue_cents, cross_sells, cross_sell_cents,
                     repeats, repeat_cents, margined_cents, unmargined_cents);

CREATE TRIGGER sale_facts_count_in AFTER INSERT ON sale_facts
BEGIN
    INSERT INTO sales_by_day (workspace_id, rep_id, day, sales, revenue_cents, cross_sells,
                              cross_sell_cents, repeats, repeat_cents, margined_cents,
                              unmargined_cents)
    VALUES (NEW.workspace_id, NEW.rep_id, NEW.day, 1, NEW.amount_cents, NEW.cross_sell,
            NEW.cross_sell * NEW.amount_cents, NEW.is_repeat, NEW.is_repeat * NEW.amount_cents,
            COALESCE(NEW.amount_cents * NEW.margin_bp, 0),
            CASE WHEN NEW.margin_bp IS NULL THEN NEW.amount_cents ELSE 0 END)
    ON CONFLICT (workspace_id, rep_id, day) DO UPDATE SET
        sales = sales + 1,
        revenue_cents = revenue_cents + excluded.revenue_cents,
        cross_sells = cross_sells + excluded.cross_sells,
        cross_sell_cents = cross_sell_cents + excluded.cross_sell_cents,
        repeats = repeats + excluded.repeats,
        repeat_cents = repeat_cents + excluded.repeat_cents,
        margined_cents = margined_cents + excluded.margined_cents,
        unmargined_cents = unmargined_cents + excluded.unmargined_cents;
END;

CREATE TRIGGER sale_facts_count_repeat AFTER UPDATE OF is_repeat ON sale_facts
BEGIN
    UPDATE sales_by_day SET
        repeats = repeats + NEW.is_repeat - OLD.is_repeat,
        repeat_cents = repeat_cents + (NEW.is_repeat - OLD.is_repeat) * NEW.amount_cents
    WHERE workspace_id = NEW.workspace_id AND rep_id = NEW.rep_id AND day = NEW.day;
END;

CREATE TRIGGER sale_facts_count_out AFTER DELETE ON sale_facts
BEGIN
    UPDATE sales_by_day SET
        sales = sales - 1,
        revenue_cents = revenue_cents - OLD.amount_cents,
        cross_sells = cross_sells - OLD.cross_sell,
        cross_sell_cents = cross_sell_cents - OLD.cross_sell * OLD.amount_cents,
        repeats = repeats - OLD.is_repeat,
        repeat_cents = repeat_cents - OLD.is_repeat * OLD.amount_cents,
        margined_cents = margined_cents - COALESCE(OLD.amount_cents * OLD.margin_bp, 0),
        unmargined_cents = unmargined_cents
            - CASE WHEN OLD.margin_bp IS NULL THEN OLD.amount_cents ELSE 0 END
    WHERE workspace_id = OLD.workspace_id AND rep_id = OLD.rep_id AND day = OLD.day;
END;

-- A customer is active from the sale that starts a spell until an explicit churn, or until the
-- inactivity window after the spell's last sale runs out (silent), whichever comes first.
CREATE TABLE customer_spells (
    workspace_id TEXT    NOT NULL,
    customer_id  INTEGER NOT NULL,
    start_id     INTEGER NOT NULL,  -- the sale that started the spell
    started_at   INTEGER NOT NULL,
    ended_at     INTEGER NOT NULL,  -- the churn, or when the window runs (or will run) out
    silent       INTEGER NOT NULL,
    won_back     INTEGER NOT NULL,  -- the customer had bought before this spell
    PRIMARY KEY (customer_id, start_id)
);
CREATE INDEX customer_spells_by_start ON customer_spells (workspace_id, started_at);
CREATE INDEX customer_spells_by_end
    ON customer_spells (workspace_id, ended_at, started_at, silent, customer_id);

-- Inserting a row here brings the facts of one opportunity or one customer up to date with their
-- live events; the row itself is never kept (RAISE(IGNORE)). It is how SQL calls a procedure, so
-- that each fact is derived in exactly one place, for the triggers and for a rebuild alike.
CREATE TABLE fact_refresh (
    subject TEXT    NOT NULL CHECK (subject IN ('opportunity', 'customer')),
    id      INTEGER NOT NULL
);

CREATE TRIGGER fact_refresh_opportunity BEFORE INSERT ON fact_refresh
WHEN NEW.subject = 'opportunity'
BEGIN
    DELETE FROM opportunity_facts WHERE opportunity_id = NEW.id;
    INSERT INTO opportunity_facts (opportunity_id, workspace_id, rep_id, customer_id, lead_at,
                                   appointment_at, first_quote_at, quote_cents, last_touch_at,
                                   won_at, lost_at)
    SELECT o.id, o.workspace_id, o.rep_id, o.customer_id,
           MIN(CASE WHEN e.kind = 'lead' THEN e.occurred_at END),
           MIN(CASE WHEN e.kind = 'appointment' THEN e.occurred_at END),
           MIN(CASE WHEN e.kind = 'quote' THEN e.occurred_at END),
           (SELECT q.amount_cents FROM live_events q
            WHERE q.opportunity_id = o.id AND q.kind = 'quote'
            ORDER BY q.occurred_at DESC, q.id DESC LIMIT 1),
           MAX(CASE WHEN e.kind IN ('quote', 'followup') THEN e.occurred_at END),
           MIN(CASE WHEN e.kind = 'sale' THEN e.occurred_at END),
           MIN(CASE WHEN e.kind = 'lost' THEN e.occurred_at END)
    FROM opportunities o JOIN live_events e ON e.opportunity_id = o.id
    WHERE o.id = NEW.id
    GROUP BY o.id;
    SELECT RAISE(IGNORE);
END;

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
    INSERT INTO customer_spells (workspace_id, customer_id, start_id, started_at, ended_at,
                                 silent, won_back)
    WITH w AS (
        SELECT c.workspace_id AS ws, k.inactivity_days * 86400000 AS ms
        FROM customers c JOIN workspaces k ON k.id = c.workspace_id
        WHERE c.id = NEW.id),
    -- The customer's live sales and churns in order (date, then logging), each with its
    -- neighbours: only the event just before or after decides whether a spell goes on.
    seq AS (
        SELECT e.id, e.occurred_at AS at, e.kind,
               ROW_NUMBER() OVER o AS pos,
               LAG(e.kind) OVER o AS prev_kind,
               LAG(e.occurred_at) OVER o AS prev_at,
               LEAD(e.occurred_at) OVER o AS next_at,
               SUM(CASE WHEN e.kind = 'sale' THEN 1 ELSE 0 END) OVER o AS sales_so_far
        FROM live_events e, w
        WHERE e.workspace_id = w.ws AND e.customer_id = NEW.id AND e.kind IN ('sale', 'churn')
        WINDOW o AS (ORDER BY e.occurred_at, e.id)),
    -- A sale starts a spell unless it follows a sale still within its window. A churn ends the
    -- spell of the sale just before it, if that sale's window still runs; a sale ends its spell
    -- silently when nothing follows within its window.
    marked AS (
        SELECT seq.id, seq.at, seq.pos, seq.sales_so_far,
               seq.kind = 'sale' AND NOT (seq.prev_kind IS 'sale' AND seq.at < seq.prev_at + w.ms)
                 AS starts,
               CASE WHEN seq.kind = 'churn' AND seq.prev_kind IS 'sale'
                         AND seq.at < seq.prev_at + w.ms THEN seq.at
                    WHEN seq.kind = 'sale'
                         AND (seq.next_at IS NULL OR seq.next_at >= seq.at + w.ms)
                      THEN seq.at + w.ms
               END AS ended,
               seq.kind = 'sale' AS silent
        FROM seq, w),
    ends AS (SELECT pos, ended, silent FROM marked WHERE ended IS NOT NULL)
    -- Each spell ends at the first end at or after the sale that started it.
    SELECT w.ws, NEW.id, m.id, m.at, x.ended, x.silent, m.sales_so_far > 1
    FROM marked m, w
    JOIN ends x ON x.pos = (SELECT MIN(n.pos) FROM ends n WHERE n.pos >= m.pos)
    WHERE m.starts;
    SELECT RAISE(IGNORE);
END;

-- Every event, and every void, refreshes the facts of the opportunity and customer it touches.
CREATE TRIGGER events_refresh_facts AFTER INSERT ON events
BEGIN
    INSERT INTO fact_refresh (subject, id)
    SELECT 'opportunity', x.opportunity_id FROM events x
    WHERE x.id = COALESCE(NEW.voids_event_id, NEW.id) AND x.opportunity_id IS NOT NULL;
    INSERT INTO fact_refresh (subject, id)
    SELECT 'customer', x.customer_id FROM events x
    WHERE x.id = COALESCE(NEW.voids_event_id, NEW.id) AND x.kind IN ('sale', 'churn');
END;

-- Spells follow the inactivity window: a new window redraws every spell of the workspace.
CREATE TRIGGER workspaces_refresh_spells AFTER UPDATE OF inactivity_days ON workspaces
WHEN NEW.inactivity_days <> OLD.inactivity_days
BEGIN
    INSERT INTO fact_refresh (subject, id)
    SELECT 'customer', id FROM customers WHERE workspace_id = NEW.id;
END;

-- The facts of the events logged so far.
INSERT INTO fact_refresh (subject, id) SELECT 'opportunity', id FROM opportunities;
INSERT INTO fact_refresh (subject, id) SELECT 'customer', id FROM customers;
