-- The figures' facts are kept by the application from here on (store.FigureFacts), in the same
-- transaction as every append and void, with statements SQLite and PostgreSQL both run: each rule
-- in one place for both engines. The triggers that derived them here go, with the fact_refresh
-- table they used as a procedure call. The append-only guards on events and targets stay: they
-- are schema, not sales rules.
DROP TRIGGER events_refresh_facts;
DROP TRIGGER workspaces_refresh_spells;
DROP TRIGGER fact_refresh_opportunity;
DROP TRIGGER fact_refresh_customer;
DROP TABLE fact_refresh;
DROP TRIGGER sale_facts_count_in;
DROP TRIGGER sale_facts_count_repeat;
DROP TRIGGER sale_facts_count_out;

-- What the append path reads instead of re-deriving it from the events: when an opportunity
-- began (its first live event, by date), and the event that closed it (its first live sale, else
-- its first live lost).
ALTER TABLE opportunity_facts ADD COLUMN opened_at INTEGER;
ALTER TABLE opportunity_facts ADD COLUMN closed_by INTEGER;
UPDATE opportunity_facts SET
    opened_at = (SELECT MIN(e.occurred_at) FROM live_events e
                 WHERE e.opportunity_id = opportunity_facts.opportunity_id),
    closed_by = COALESCE(
        (SELECT s.id FROM live_events s
         WHERE s.opportunity_id = opportunity_facts.opportunity_id AND s.kind = 'sale'
         ORDER BY s.occurred_at, s.id LIMIT 1),
        (SELECT s.id FROM live_events s
         WHERE s.opportunity_id = opportunity_facts.opportunity_id AND s.kind = 'lost'
         ORDER BY s.occurred_at, s.id LIMIT 1));
-- Which opportunity a step joins: a customer's opportunities.
CREATE INDEX opportunity_facts_by_customer ON opportunity_facts (workspace_id, customer_id);
