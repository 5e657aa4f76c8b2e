-- Corrections (/edit): a correction is a void of the old event and a corrected copy, logged in one
-- transaction; the copy records which event it replaces, so the history reads "#12 corrected as
-- #14". An event is replaced at most once (it is voided at most once, too).
ALTER TABLE events ADD COLUMN replaces_event_id INTEGER REFERENCES events (id);
CREATE UNIQUE INDEX events_replaced_once ON events (replaces_event_id)
    WHERE replaces_event_id IS NOT NULL;

-- The state of an opportunity (KPIS.md, "Opportunity rules" and "Where dates cross"), written once:
-- won by a live sale (at its first live sale, even where a live lost is dated earlier or later),
-- else lost by a live lost, else open. An opportunity none of whose events count has no row.
CREATE VIEW opportunity_states AS
SELECT opportunity_id, workspace_id, customer_id, rep_id,
       CASE WHEN won_at IS NOT NULL THEN 'won'
            WHEN lost_at IS NOT NULL THEN 'lost'
            ELSE 'open' END AS state,
       CASE WHEN won_at IS NOT NULL THEN won_at ELSE lost_at END AS closed_at
FROM opportunity_facts;
