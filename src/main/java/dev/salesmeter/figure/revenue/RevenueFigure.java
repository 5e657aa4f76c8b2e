package dev.salesmeter.figure.revenue;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.SaleRows;
import dev.salesmeter.figure.revenue.RevenueResult.DayRevenue;
import dev.salesmeter.figure.revenue.RevenueResult.RepRevenue;
import dev.salesmeter.figure.revenue.RevenueResult.Totals;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.Rep;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Revenue in a period against the target set for exactly that period (team or one rep), the pace
 * while the period runs (the target pro rata by days), and the change against the period before.
 * Sales count by their rep; voided sales do not count.
 */
public final class RevenueFigure implements Figure<RevenueResult> {
  private final Jdbi jdbi;

  public RevenueFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<String> names() {
    return List.of("revenue", "omzet", "sales", "target", "doel");
  }

  @Override
  public RevenueResult compute(FigureQuery query) {
    Period period = query.period();
    return jdbi.withHandle(
        handle ->
            new RevenueResult(
                period,
                query.rep(),
                totals(handle, query, period),
                totals(handle, query, period.previous()),
                query.rep().isEmpty() ? perRep(handle, query) : List.of(),
                target(handle, query),
                LocalDate.ofInstant(query.now(), query.settings().zone()),
                revenueByDay(handle, query)));
  }

  /** The sales of the period, for the team or the rep: the live ones sum to the revenue. */
  @Override
  public Drilldown drill(FigureQuery query) {
    return jdbi.withHandle(handle -> SaleRows.ofPeriod(handle, query));
  }

  @Override
  public FigureAnswer render(RevenueResult result, Formats formats) {
    return RevenueText.answer(result, formats);
  }

  /**
   * How a running target stood at the end of a day: the target whose period holds the day (the
   * shortest such period, and of equals the latest set), the revenue from its start through that
   * day, and the part of it that was due by then.
   */
  public record TargetProgress(Period period, Money target, Money revenue, Money due) {
    public long behindCents() {
      return due.cents() - revenue.cents();
    }
  }

  /** The target progress of the query's rep, or of the team, at the end of a day. */
  public Optional<TargetProgress> targetProgress(FigureQuery query, LocalDate day) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    SELECT e.amount_cents, t.period_start, t.period_end, t.period_unit
                    FROM targets t JOIN live_events e ON e.id = t.event_id
                    WHERE t.workspace_id = :ws AND t.rep_id IS NOT DISTINCT FROM CAST(:rep AS BIGINT)
                      AND t.period_start <= :day AND t.period_end >= :day
                    ORDER BY t.period_start DESC, t.period_end, t.event_id DESC
                    LIMIT 1
                    """)
                .bind("ws", query.workspace().value())
                .bind("rep", query.rep().map(Rep::id).orElse(null))
                .bind("day", day.toString())
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            new Period(
                                LocalDate.parse(rs.getString("period_start")),
                                LocalDate.parse(rs.getString("period_end")),
                                Period.Unit.valueOf(rs.getString("period_unit"))),
                            Money.ofCents(rs.getLong("amount_cents"))))
                .findOne()
                .map(
                    target -> {
                      Period period = target.getKey();
                      Period soFar = new Period(period.start(), day, Period.Unit.DAYS);
                      Money revenue = totals(handle, query, soFar).revenue();
                      long elapsed = ChronoUnit.DAYS.between(period.start(), day) + 1;
                      Money due =
                          Money.ofCents(
                              RevenueResult.due(target.getValue(), period, elapsed)
                                  .setScale(0, RoundingMode.HALF_UP)
                                  .longValueExact());
                      return new TargetProgress(period, target.getValue(), revenue, due);
                    }));
  }

  private static Totals totals(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            "SELECT COALESCE(SUM(revenue_cents), 0) AS revenue, COALESCE(SUM(sales), 0) AS sales"
                + " FROM sales_by_day WHERE "
                + FigureQuery.SALES_OF_SPAN)
        .bindMap(query.span(period))
        .map((rs, ctx) -> new Totals(Money.ofCents(rs.getLong("revenue")), rs.getLong("sales")))
        .one();
  }

  /** The latest live target set for exactly this period, for this rep or (empty) the team. */
  private static Optional<Money> target(Handle handle, FigureQuery query) {
    return handle
        .createQuery(
            """
            SELECT e.amount_cents FROM targets t JOIN live_events e ON e.id = t.event_id
            WHERE t.workspace_id = :ws AND t.period_start = :start AND t.period_end = :end
              AND t.rep_id IS NOT DISTINCT FROM CAST(:rep AS BIGINT)
            ORDER BY t.event_id DESC
            LIMIT 1
            """)
        .bind("ws", query.workspace().value())
        .bind("start", query.period().start().toString())
        .bind("end", query.period().end().toString())
        .bind("rep", query.rep().map(Rep::id).orElse(null))
        .mapTo(Long.class)
        .findOne()
        .map(Money::ofCents);
  }

  /** The revenue of each day of the period that had sales, in order. */
  private static List<DayRevenue> revenueByDay(Handle handle, FigureQuery query) {
    return handle
        .createQuery(
            "SELECT day, SUM(revenue_cents) FROM sales_by_day WHERE "
                + FigureQuery.SALES_OF_SPAN
                + " GROUP BY day HAVING SUM(sales) > 0 ORDER BY day")
        .bindMap(query.span(query.period()))
        .map(
            (rs, ctx) ->
                new DayRevenue(LocalDate.parse(rs.getString(1)), Money.ofCents(rs.getLong(2))))
        .list();
  }

  /** Each rep's revenue and sales in the period, best revenue first, ties by name. */
  private static List<RepRevenue> perRep(Handle handle, FigureQuery query) {
    return handle
        .createQuery(
            "SELECT r.id, r.platform_user_id, r.display_name,"
                + " SUM(d.revenue_cents) AS revenue, SUM(d.sales) AS sales "
                + FigureQuery.SALES_BY_DAY
                + " GROUP BY r.id HAVING SUM(d.sales) > 0"
                + " ORDER BY revenue DESC, r.display_name")
        .bindMap(query.span(query.period()))
        .map(
            (rs, ctx) ->
                new RepRevenue(
                    Rep.read(rs), Money.ofCents(rs.getLong("revenue")), rs.getLong("sales")))
        .list();
  }
}
