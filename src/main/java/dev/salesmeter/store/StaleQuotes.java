package dev.salesmeter.store;

/**
 * What a stale quote is, in SQL, for every query that looks for them: a quote on an open
 * opportunity (neither won nor lost) whose last quote or follow-up is older than the workspace's
 * stale-quote days. Queries alias {@code opportunity_facts} as {@code f} and bind {@code :ws} and
 * {@code :before} (now minus the stale-quote days).
 */
public final class StaleQuotes {
  public static final String OPEN_AND_UNTOUCHED =
      " f.workspace_id = :ws AND f.first_quote_at IS NOT NULL AND f.won_at IS NULL"
          + " AND f.lost_at IS NULL AND f.last_touch_at < :before";

  private StaleQuotes() {}
}
