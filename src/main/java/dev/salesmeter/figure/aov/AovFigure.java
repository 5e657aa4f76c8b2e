package dev.salesmeter.figure.aov;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.SaleRows;
import dev.salesmeter.figure.aov.AovResult.Kind;
import dev.salesmeter.figure.aov.AovResult.Orders;
import dev.salesmeter.figure.aov.AovResult.RepOrders;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Average order value: a period's sales per rep — count, total, mean and median — summed in SQL
 * (each median read as the middle row or two of the sales in order of value). Among the reps with a
 * sale, the median of their counts and of their mean order values split them: above the count
 * median and below the value median is a gatherer (many small orders), below and above a hunter
 * (few big ones).
 */
public final class AovFigure implements Figure<AovResult> {
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private final Jdbi jdbi;

  public AovFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<String> names() {
    return List.of("aov", "orderwaarde", "ordervalue", "order-value");
  }

  @Override
  public AovResult compute(FigureQuery query) {
    return jdbi.withHandle(
        handle -> {
          Period period = query.period();
          List<Counted> counted = perRep(handle, query);
          BigDecimal countMedian = median(counted, c -> BigDecimal.valueOf(c.count()));
          BigDecimal valueMedian = median(counted, Counted::mean);
          List<RepOrders> reps =
              counted.stream()
                  .map(
                      c ->
                          new RepOrders(
                              c.rep(),
                              c.count(),
                              Money.ofCents(c.total()),
                              c.median(),
                              kind(c, countMedian, valueMedian)))
                  .sorted(
                      Comparator.comparing(RepOrders::mean)
                          .reversed()
                          .thenComparing(r -> r.rep().displayName()))
                  .toList();
          boolean whole =
              !hasCents(handle, query, period) && !hasCents(handle, query, period.previous());
          return new AovResult(
              period,
              query.rep(),
              orders(handle, query, period),
              orders(handle, query, period.previous()),
              reps,
              countMedian,
              valueMedian,
              whole);
        });
  }

  /**
   * The sales of the period, for the team or the rep: the live ones are the orders counted, their
   * mean and median the figure's.
   */
  @Override
  public Drilldown drill(FigureQuery query) {
    return jdbi.withHandle(handle -> SaleRows.ofPeriod(handle, query));
  }

  @Override
  public FigureAnswer render(AovResult result, Formats formats) {
    return AovText.answer(result, formats);
  }

  /** One rep's orders as counted, before they are placed against the medians. */
  private record Counted(Rep rep, long count, long total, BigDecimal median) {
    BigDecimal mean() {
      return AovResult.mean(Money.ofCents(total), count);
    }
  }

  private static Kind kind(Counted rep, BigDecimal countMedian, BigDecimal valueMedian) {
    int count = BigDecimal.valueOf(rep.count()).compareTo(countMedian);
    int value = rep.mean().compareTo(valueMedian);
    return count > 0 && value < 0
        ? Kind.GATHERER
        : count < 0 && value > 0 ? Kind.HUNTER : Kind.NEITHER;
  }

  /** The median of the reps' values, exactly; zero without reps. */
  private static BigDecimal median(List<Counted> reps, Function<Counted, BigDecimal> value) {
    List<BigDecimal> sorted = reps.stream().map(value).sorted().toList();
    if (sorted.isEmpty()) {
      return BigDecimal.ZERO;
    }
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : sorted.get(middle - 1).add(sorted.get(middle)).divide(TWO, MathContext.DECIMAL64);
  }

  /** Every rep's orders in the query's period (all reps, also where one rep is asked). */
  private static List<Counted> perRep(Handle handle, FigureQuery query) {
    Map<String, Object> span = query.span(query.period());
    span.put("rep", null);
    List<Counted> reps = new ArrayList<>();
    handle
        .createQuery(
            "SELECT r.id, r.platform_user_id, r.display_name, SUM(d.sales) AS count,"
                + " SUM(d.revenue_cents) AS total "
                + FigureQuery.SALES_BY_DAY
                + " GROUP BY r.id HAVING SUM(d.sales) > 0")
        .bindMap(span)
        .map(
            (rs, ctx) ->
                new Counted(
                    Rep.read(rs), rs.getLong("count"), rs.getLong("total"), BigDecimal.ZERO))
        .list()
        .forEach(
            rep -> {
              Map<String, Object> ofRep = new HashMap<>(span);
              ofRep.put("rep", rep.rep().id());
              reps.add(
                  new Counted(
                      rep.rep(),
                      rep.count(),
                      rep.total(),
                      median(handle, rep.count(), ofRep, "AND s.rep_id = :rep")));
            });
    return reps;
  }

  /** The team's (or the query's rep's) orders in a period, with their median. */
  private static Orders orders(Handle handle, FigureQuery query, Period period) {
    Map<String, Object> span = query.span(period);
    long[] totals =
        handle
            .createQuery(
                "SELECT COALESCE(SUM(sales), 0), COALESCE(SUM(revenue_cents), 0) FROM sales_by_day"
                    + " WHERE "
                    + FigureQuery.SALES_OF_SPAN)
            .bindMap(span)
            .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .one();
    return new Orders(
        totals[0],
        Money.ofCents(totals[1]),
        median(handle, totals[0], span, query.rep().isPresent() ? "AND s.rep_id = :rep" : ""));
  }

  /**
   * The median of {@code count} sales in a span (and rep), in cents, exactly: the middle one or the
   * mean of the middle two in order of value, found through an index rather than by ranking them
   * all; zero without sales.
   */
  private static BigDecimal median(
      Handle handle, long count, Map<String, Object> span, String repCondition) {
    if (count == 0) {
      return BigDecimal.ZERO;
    }
    List<Long> middle =
        handle
            .createQuery(
                // The unary + keeps SQLite from reading the period by time and sorting it: it
                // walks sale_facts_by_value (or _by_rep_value) in order of value and skips other
                // periods, which costs at most one pass over the index, however long the period.
                "SELECT s.amount_cents FROM sale_facts s"
                    + " WHERE s.workspace_id = :ws AND +s.occurred_at >= :from"
                    + " AND +s.occurred_at < :to "
                    + repCondition
                    + " ORDER BY s.amount_cents LIMIT :middle OFFSET :before")
            .bindMap(span)
            .bind("middle", 2 - count % 2)
            .bind("before", (count - 1) / 2)
            .mapTo(Long.class)
            .list();
    return BigDecimal.valueOf(middle.stream().mapToLong(Long::longValue).sum())
        .divide(BigDecimal.valueOf(middle.size()), MathContext.DECIMAL64);
  }

  /**
   * Whether any of the team's sales in a period had cents (not whole currency units), read through
   * the (workspace, time) index up to the first such sale: the local day has no index, and scanning
   * every sale cost more than the figure itself.
   */
  private static boolean hasCents(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            """
            SELECT EXISTS (SELECT 1 FROM sale_facts
                           WHERE workspace_id = :ws AND occurred_at >= :from AND occurred_at < :to
                             AND amount_cents % 100 <> 0)
            """)
        .bindMap(query.span(period))
        .mapTo(Boolean.class)
        .one();
  }
}
