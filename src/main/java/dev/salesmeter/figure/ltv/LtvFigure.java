package dev.salesmeter.figure.ltv;

import dev.salesmeter.core.EventKind;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.DrillCells;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Drilldown.Column;
import dev.salesmeter.figure.Drilldown.Kind;
import dev.salesmeter.figure.Drilldown.Row;
import dev.salesmeter.figure.Drilldown.Table;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.SaleRows;
import dev.salesmeter.figure.churn.ChurnFigure;
import dev.salesmeter.figure.churn.ChurnFigure.Rate;
import dev.salesmeter.store.Database;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Customer lifetime value (KPIS.md figure 7), over the 12 months up to the end of the period or up
 * to today, whichever is earlier: revenue per customer, times the margin (per sale where logged,
 * else the workspace's default), times the expected lifetime (1 / the window's churn rate, at most
 * 10 years); against the acquisition cost per new customer, with the payback time. Where the window
 * holds less than 12 months of the log, or nobody was active at its start, lifetime and LTV are not
 * estimated. Per rep: the customers whose owner at the window's end is the rep; the acquisition
 * cost stays the team's, since costs carry no rep.
 */
public final class LtvFigure implements Figure<LtvResult> {
  /** Within the window: a condition on the unaliased columns of a sale or cost. */
  private static final String IN_WINDOW =
      "workspace_id = :ws AND occurred_at >= :from AND occurred_at < :to";

  /**
   * The window's live sales ({@code sales}), and each customer's owner at the window's end: the rep
   * of their latest sale in it ({@code owners}).
   */
  private static final String WINDOW_SALES =
      """
      WITH sales AS (
          SELECT customer_id, rep_id, occurred_at, event_id, amount_cents, margin_bp, is_repeat
          FROM sale_facts WHERE %s),
      owners AS (
          SELECT customer_id, rep_id FROM (
              SELECT customer_id, rep_id,
                     ROW_NUMBER() OVER (PARTITION BY customer_id
                                        ORDER BY occurred_at DESC, event_id DESC) AS n
              FROM sales) latest
          WHERE n = 1)
      """
          .formatted(IN_WINDOW);

  /** A sale to a customer the query's rep owns at the window's end (read with the owners). */
  private static final String OWNED =
      "customer_id IN (SELECT customer_id FROM owners WHERE rep_id = :rep)";

  private static final List<Column> COST_COLUMNS =
      List.of(
          new Column("number", Kind.NUMBER),
          new Column("date", Kind.DATE),
          new Column("label", Kind.TEXT),
          new Column("amount", Kind.MONEY),
          new Column("voided_by", Kind.NUMBER),
          new Column("replaces", Kind.NUMBER));

  private final Jdbi jdbi;
  private final ChurnFigure churn;

  public LtvFigure(Database database, ChurnFigure churn) {
    this.jdbi = database.jdbi();
    this.churn = churn;
  }

  @Override
  public List<String> names() {
    return List.of("ltv", "klantwaarde", "clv", "lifetime");
  }

  /** A window's sales to the customers counted, and the team's new customers and costs. */
  private record Sales(
      long revenue,
      BigDecimal profit,
      long customers,
      long newCustomers,
      long costs,
      boolean wholeUnits) {}

  @Override
  public LtvResult compute(FigureQuery query) {
    Period window = window(query);
    Rate rate = churn.rate(query, window);
    return jdbi.withHandle(
        handle -> {
          Sales sales = sales(handle, query, window);
          Optional<LocalDate> logStart = logStart(handle, query);
          Period covered =
              logStart
                  .filter(first -> first.isAfter(window.start()) && !first.isAfter(window.end()))
                  .map(first -> Period.days(first, window.end()))
                  .orElse(window);
          Optional<LocalDate> availableFrom = Optional.empty();
          if (covered != window) {
            availableFrom = Optional.of(covered.start().plusMonths(12).minusDays(1));
          } else if (rate.activeAtStart() == 0) {
            // A window that starts the day after the first spell began holds its customer.
            availableFrom = firstSpellStart(handle, query, window).map(day -> day.plusMonths(12));
          }
          return new LtvResult(
              query.period(),
              query.rep(),
              window,
              covered,
              sales.revenue(),
              sales.profit(),
              sales.customers(),
              sales.newCustomers(),
              sales.costs(),
              rate,
              availableFrom,
              sales.wholeUnits());
        });
  }

  /**
   * Three tables of the figure's window: its sales (per rep, to the customers the rep owns at the
   * window's end), the team's acquisition costs, and the customers of its churn rate who left. The
   * voided sales and costs of the window are struck rows.
   */
  @Override
  public Drilldown drill(FigureQuery query) {
    Period window = window(query);
    Table churned = churn.churned(query, window);
    return jdbi.withHandle(
        handle ->
            new Drilldown(
                List.of(
                    SaleRows.table(
                        handle,
                        query,
                        window,
                        WINDOW_SALES,
                        IN_WINDOW + (query.rep().isPresent() ? " AND " + OWNED : ""),
                        SaleRows.BY_DATE),
                    costs(handle, query, window),
                    churned)));
  }

  /** The window's cost events, live and voided, by date. */
  private static Table costs(Handle handle, FigureQuery query, Period window) {
    List<Row> rows =
        handle
            .createQuery(
                "SELECT e.number, e.local_date, e.label, e.amount_cents,"
                    + " v.number AS voided_by, p.number AS replaces"
                    + " FROM (SELECT * FROM events WHERE kind = 'cost' AND "
                    + IN_WINDOW
                    + ") e"
                    + " LEFT JOIN events v ON v.voids_event_id = e.id"
                    + " LEFT JOIN events p ON p.id = e.replaces_event_id"
                    + " ORDER BY e.occurred_at, e.number")
            .bindMap(query.span(window))
            .map(
                (rs, ctx) -> {
                  Long voidedBy = DrillCells.number(rs, "voided_by");
                  return new Row(
                      Arrays.asList(
                          rs.getLong("number"),
                          DrillCells.date(rs, "local_date"),
                          rs.getString("label"),
                          DrillCells.money(rs, "amount_cents"),
                          voidedBy,
                          DrillCells.number(rs, "replaces")),
                      voidedBy != null);
                })
            .list();
    return new Table("costs", COST_COLUMNS, rows);
  }

  @Override
  public FigureAnswer render(LtvResult result, Formats formats) {
    return LtvText.answer(result, formats);
  }

  /**
   * The 12 months up to the end of the period or up to today, whichever is earlier; a whole year
   * asked for is that year.
   */
  static Period window(FigureQuery query) {
    Period period = query.period();
    LocalDate today = LocalDate.ofInstant(query.now(), query.settings().zone());
    if (period.unit() == Period.Unit.YEAR && !period.end().isAfter(today)) {
      return period;
    }
    LocalDate end = period.end().isAfter(today) ? today : period.end();
    return Period.days(end.minusMonths(12).plusDays(1), end);
  }

  private static Sales sales(Handle handle, FigureQuery query, Period window) {
    Map<String, Object> span = query.span(window);
    return handle
        .createQuery(
            WINDOW_SALES
                + """
                SELECT COALESCE(SUM(s.amount_cents), 0) AS revenue,
                       COALESCE(SUM(s.amount_cents * COALESCE(s.margin_bp, :margin)), 0)
                         AS profit_bp,
                       COUNT(DISTINCT s.customer_id) AS customers,
                       COALESCE(MAX(CASE WHEN s.amount_cents % 100 <> 0 THEN 1 ELSE 0 END), 0) AS sale_cents,
                       (SELECT COUNT(*) FROM sales WHERE is_repeat = 0) AS new_customers,
                       (SELECT COALESCE(SUM(amount_cents), 0) FROM acquisition_costs WHERE\s"""
                + IN_WINDOW
                + ") AS costs FROM sales s"
                // The owners are only needed to pick one rep's customers: the team's are all.
                + (query.rep().isPresent() ? " WHERE " + OWNED : ""))
        .bindMap(span)
        .bind("margin", query.settings().defaultMargin().basisPoints())
        .map(
            (rs, ctx) ->
                new Sales(
                    rs.getLong("revenue"),
                    // cents × basis points: exact cents with four decimals
                    BigDecimal.valueOf(rs.getLong("profit_bp"), 4),
                    rs.getLong("customers"),
                    rs.getLong("new_customers"),
                    rs.getLong("costs"),
                    rs.getInt("sale_cents") == 0 && rs.getLong("costs") % 100 == 0))
        .one();
  }

  /**
   * The local day of the log's earliest live event. Asked per kind, so that each walks the
   * (workspace, kind, time) index from its start and stops at the first live event, instead of
   * reading the whole log.
   */
  private static Optional<LocalDate> logStart(Handle handle, FigureQuery query) {
    String kinds =
        Arrays.stream(EventKind.values())
            .filter(kind -> kind != EventKind.VOID)
            .map(kind -> "('" + kind.code() + "')")
            .collect(Collectors.joining(", "));
    return handle
        .createQuery(
            "WITH kinds (kind) AS (VALUES "
                + kinds
                + ") SELECT MIN((SELECT e.local_date FROM live_events e"
                + " WHERE e.workspace_id = :ws AND e.kind = k.kind"
                + " ORDER BY e.occurred_at LIMIT 1)) FROM kinds k")
        .bind("ws", query.workspace().value())
        .mapTo(String.class)
        .findOne()
        .map(LocalDate::parse);
  }

  /** The local day of the first spell that began in the window, for the team or the rep. */
  private static Optional<LocalDate> firstSpellStart(
      Handle handle, FigureQuery query, Period window) {
    return handle
        .createQuery(
            """
            SELECT f.day FROM customer_spells s JOIN sale_facts f ON f.event_id = s.start_id
            WHERE s.workspace_id = :ws AND s.started_at >= :from AND s.started_at < :to
              AND (CAST(:rep AS BIGINT) IS NULL OR f.rep_id = :rep)
            ORDER BY s.started_at LIMIT 1
            """)
        .bindMap(query.span(window))
        .mapTo(String.class)
        .findOne()
        .map(LocalDate::parse);
  }
}
