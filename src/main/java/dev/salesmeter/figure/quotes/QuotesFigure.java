package dev.salesmeter.figure.quotes;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.DrillCells;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Drilldown.Column;
import dev.salesmeter.figure.Drilldown.Kind;
import dev.salesmeter.figure.Drilldown.Row;
import dev.salesmeter.figure.Drilldown.Table;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.Rep;
import dev.salesmeter.store.StaleQuotes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The quoted opportunities of a span: those of {@code opportunity_facts} whose first live quote
   * was sent in it, of the team or of {@code :rep} (the opportunity's rep).
   */
  private static final String QUOTED =
      "workspace_id = :ws AND first_quote_at >= :from AND first_quote_at < :to"
          + " AND (CAST(:rep AS BIGINT) IS NULL OR rep_id = :rep)";

  private static final List<Column> COLUMNS =
      List.of(
          new Column("number", Kind.NUMBER),
          new Column("date", Kind.DATE),
          new Column("rep", Kind.TEXT),
          new Column("customer", Kind.TEXT),
          new Column("amount", Kind.MONEY),
          new Column("touched", Kind.DATE),
          new Column("state", Kind.TEXT),
          new Column("stale", Kind.BOOLEAN),
          new Column("voided_by", Kind.NUMBER),
          new Column("replaces", Kind.NUMBER));

  /**
   * An opportunity {@code f} of {@code opportunity_facts} as a row of the drill-down, from its
   * first live quote {@code q}: the latest quote's amount, the last touch, the state as the figure
   * counts it (won by a live sale, else lost, else open) and whether it is stale now.
   */
  private static final String QUOTE_ROW =
      "SELECT q.number, q.local_date, r.display_name AS rep, c.name AS customer,"
          + " f.quote_cents AS amount, f.last_touch_at,"
          + " CASE WHEN f.won_at IS NOT NULL THEN 'won' WHEN f.lost_at IS NOT NULL THEN 'lost'"
          + " ELSE 'open' END AS state, CASE WHEN "
          + StaleQuotes.OPEN_AND_UNTOUCHED
          + " THEN 1 ELSE 0 END AS stale, NULL AS voided_by, p.number AS replaces, q.occurred_at"
          + " FROM %s f"
          + " JOIN events q ON q.id = (SELECT x.id FROM live_events x"
          + " WHERE x.opportunity_id = f.opportunity_id AND x.kind = 'quote'"
          + " ORDER BY x.occurred_at, x.id LIMIT 1)"
          + " JOIN reps r ON r.id = f.rep_id JOIN customers c ON c.id = f.customer_id"
          + " LEFT JOIN events p ON p.id = q.replaces_event_id";

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

  /**
   * Two tables. {@code quotes}: the quoted opportunities of the period, as the win rate counts
   * them, each from its first live quote, valued at its latest; the quote events of the period that
   * were voided follow as struck rows. {@code stale}: the stale quotes now, whatever the period,
   * oldest first, as the figure counts them.
   */
  @Override
  public Drilldown drill(FigureQuery query) {
    Map<String, Object> parameters = query.span(query.period());
    parameters.put(
        "before",
        query.now().minus(Duration.ofDays(query.settings().staleQuoteDays())).toEpochMilli());
    ZoneId zone = query.settings().zone();
    Messages messages = Messages.of(query.settings().locale());
    return jdbi.withHandle(
        handle -> {
          Table quoted =
              table(
                  handle,
                  "quotes",
                  QUOTE_ROW.formatted("(SELECT * FROM opportunity_facts WHERE " + QUOTED + ")")
                      + " UNION ALL"
                      + " SELECT q.number, q.local_date, r.display_name, c.name, q.amount_cents,"
                      + " NULL, NULL, NULL, v.number, p.number, q.occurred_at"
                      + " FROM events q JOIN events v ON v.voids_event_id = q.id"
                      + " JOIN opportunities o ON o.id = q.opportunity_id"
                      + " JOIN reps r ON r.id = o.rep_id JOIN customers c ON c.id = q.customer_id"
                      + " LEFT JOIN events p ON p.id = q.replaces_event_id"
                      + " WHERE q.workspace_id = :ws AND q.kind = 'quote'"
                      + " AND q.occurred_at >= :from AND q.occurred_at < :to"
                      + " AND (CAST(:rep AS BIGINT) IS NULL OR o.rep_id = :rep)"
                      + " ORDER BY 11, 1",
                  parameters,
                  zone,
                  messages);
          Table stale =
              table(
                  handle,
                  "stale",
                  QUOTE_ROW.formatted("opportunity_facts")
                      + " WHERE"
                      + StaleQuotes.OPEN_AND_UNTOUCHED
                      + " AND (CAST(:rep AS BIGINT) IS NULL OR f.rep_id = :rep)"
                      + " ORDER BY f.last_touch_at, f.opportunity_id",
                  parameters,
                  zone,
                  messages);
          return new Drilldown(List.of(quoted, stale));
        });
  }

  private static Table table(
      Handle handle,
      String key,
      String sql,
      Map<String, Object> parameters,
      ZoneId zone,
      Messages messages) {
    return new Table(
        key,
        COLUMNS,
        handle
            .createQuery(sql)
            .bindMap(parameters)
            .map(
                (rs, ctx) -> {
                  Long voidedBy = DrillCells.number(rs, "voided_by");
                  String state = rs.getString("state");
                  return new Row(
                      Arrays.asList(
                          rs.getLong("number"),
                          DrillCells.date(rs, "local_date"),
                          rs.getString("rep"),
                          rs.getString("customer"),
                          DrillCells.money(rs, "amount"),
                          DrillCells.day(rs, "last_touch_at", zone),
                          state == null ? null : messages.get("drill.state." + state),
                          DrillCells.bool(rs, "stale"),
                          voidedBy,
                          DrillCells.number(rs, "replaces")),
                      voidedBy != null);
                })
            .list());
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
            WHERE\s"""
                + QUOTED)
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
