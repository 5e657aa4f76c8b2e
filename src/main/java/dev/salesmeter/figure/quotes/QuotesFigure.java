package dev.salesmeter.figure.quotes;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.Rep;
import dev.salesmeter.store.StaleQuotes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Quote win rate: the opportunities whose first live quote was sent in the period, valued at their
 * latest quote (a revised quote replaces the earlier one), won, lost or still open; the win rate by
 * count and by value. And the stale quotes, now: open quoted opportunities whose latest quote or
 * follow-up is older than the workspace's stale-quote days, per rep, oldest first. Each
 * opportunity's quotes and outcome are read from {@code opportunity_facts}.
 */
public final class QuotesFigure implements Figure<QuotesResult> {
  private static final int SHOWN_PER_REP = 3;

  /** An open quote nobody chased since {@code lastTouch}, worth its latest quote. */
  public record StaleQuote(String rep, String customer, Money value, Instant lastTouch) {}

  /** A rep's stale quotes: how many, and the oldest few (at most three), oldest first. */
  public record RepStaleQuotes(String rep, long count, List<StaleQuote> oldest) {}

  private final Jdbi jdbi;

  public QuotesFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<String> names() {
    return List.of("quotes", "offertes", "winrate", "quote");
  }

  @Override
  public QuotesResult compute(FigureQuery query) {
    return jdbi.withHandle(
        handle ->
            new QuotesResult(
                query.period(),
                query.rep(),
                cohort(handle, query, query.period()),
                cohort(handle, query, query.period().previous()),
                query.settings().staleQuoteDays(),
                LocalDate.ofInstant(query.now(), query.settings().zone()),
                query.settings().zone(),
                staleQuotes(handle, query)));
  }

  @Override
  public FigureAnswer render(QuotesResult result, Formats formats) {
    return QuotesText.answer(result, formats);
  }

  /**
   * The stale quotes now, of the query's rep or of each rep of the team: the rep with most first
   * (ties by name), each rep's oldest first.
   */
  public List<RepStaleQuotes> staleQuotes(FigureQuery query) {
    return jdbi.withHandle(handle -> staleQuotes(handle, query));
  }

  private static List<RepStaleQuotes> staleQuotes(Handle handle, FigureQuery query) {
    Instant before = query.now().minus(Duration.ofDays(query.settings().staleQuoteDays()));
    String open = StaleQuotes.OPEN_AND_UNTOUCHED;
    // Per rep through opportunity_facts_open_quotes: the count, and the oldest few read first.
    List<StaleRow> rows =
        handle
            .createQuery(
                "WITH stale AS MATERIALIZED (SELECT r.id AS rep_id, r.display_name AS rep,"
                    + " (SELECT COUNT(*) FROM opportunity_facts f WHERE f.rep_id = r.id AND"
                    + open
                    + ") AS stale FROM reps r"
                    + " WHERE r.workspace_id = :ws AND (CAST(:rep AS BIGINT) IS NULL OR r.id = :rep))"
                    + " SELECT k.rep_id, k.rep, k.stale, c.name AS customer,"
                    + " o.quote_cents AS value, o.last_touch_at AS last_touch"
                    + " FROM stale k JOIN opportunity_facts o ON o.opportunity_id IN ("
                    + "SELECT f.opportunity_id FROM opportunity_facts f WHERE f.rep_id = k.rep_id"
                    + " AND"
                    + open
                    + " ORDER BY f.last_touch_at, f.opportunity_id LIMIT :shown)"
                    + " JOIN customers c ON c.id = o.customer_id"
                    + " WHERE k.stale > 0"
                    + " ORDER BY k.rep, k.rep_id, o.last_touch_at, o.opportunity_id")
            .bind("ws", query.workspace().value())
            .bind("rep", query.rep().map(Rep::id).orElse(null))
            .bind("before", before.toEpochMilli())
            .bind("shown", SHOWN_PER_REP)
            .map(
                (rs, ctx) ->
                    new StaleRow(
                        rs.getLong("rep_id"),
                        rs.getLong("stale"),
                        new StaleQuote(
                            rs.getString("rep"),
                            rs.getString("customer"),
                            Money.ofCents(rs.getLong("value")),
                            Instant.ofEpochMilli(rs.getLong("last_touch")))))
            .list();
    return rows.stream()
        .collect(Collectors.groupingBy(StaleRow::repId, LinkedHashMap::new, Collectors.toList()))
        .values()
        .stream()
        .map(
            ofRep ->
                new RepStaleQuotes(
                    ofRep.get(0).quote().rep(),
                    ofRep.get(0).count(),
                    ofRep.stream().map(StaleRow::quote).toList()))
        .sorted(
            Comparator.comparingLong(RepStaleQuotes::count)
                .reversed()
                .thenComparing(RepStaleQuotes::rep))
        .toList();
  }

  /** One of a rep's oldest stale quotes, with how many stale quotes the rep has. */
  private record StaleRow(long repId, long count, StaleQuote quote) {}

  private static QuotesResult.Cohort cohort(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            """
            SELECT COUNT(*) AS quoted, COUNT(won_at) AS won,
                   COALESCE(SUM(CASE WHEN won_at IS NULL AND lost_at IS NOT NULL
                                THEN 1 ELSE 0 END), 0) AS lost,
                   COALESCE(SUM(quote_cents), 0) AS value,
                   COALESCE(SUM(CASE WHEN won_at IS NOT NULL THEN quote_cents ELSE 0 END), 0)
                     AS won_value
            FROM opportunity_facts
            WHERE workspace_id = :ws AND first_quote_at >= :from AND first_quote_at < :to
              AND (CAST(:rep AS BIGINT) IS NULL OR rep_id = :rep)
            """)
        .bindMap(query.span(period))
        .map(
            (rs, ctx) ->
                new QuotesResult.Cohort(
                    rs.getLong("quoted"),
                    rs.getLong("won"),
                    rs.getLong("lost"),
                    rs.getLong("value"),
                    rs.getLong("won_value")))
        .one();
  }
}
