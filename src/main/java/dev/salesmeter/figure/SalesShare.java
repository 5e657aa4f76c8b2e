package dev.salesmeter.figure;

import dev.salesmeter.core.Period;
import dev.salesmeter.figure.ShareResult.Part;
import dev.salesmeter.figure.ShareResult.RepPart;
import dev.salesmeter.store.Rep;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The share of a period's sales that have a property (cross-sell, a repeat customer), by count and
 * by revenue, for the team and per rep, compared with the period before. The sales with the
 * property are counted and summed per day in sales_by_day; everything is summed in the database.
 */
public final class SalesShare {
  /** Best share by count first, then by revenue, then by name. */
  private static final Comparator<RepPart> BEST_FIRST =
      Comparator.comparing((RepPart r) -> r.part().byCount().percentOrZero())
          .thenComparing(r -> r.part().byRevenue().percentOrZero())
          .reversed()
          .thenComparing(r -> r.rep().displayName());

  private final Jdbi jdbi;
  private final String count;
  private final String cents;

  /**
   * @param count the sales_by_day column counting the sales with the property ({@code repeats})
   * @param cents the column summing their amounts ({@code repeat_cents})
   */
  public SalesShare(Jdbi jdbi, String count, String cents) {
    this.jdbi = jdbi;
    this.count = count;
    this.cents = cents;
  }

  public ShareResult compute(FigureQuery query) {
    return jdbi.withHandle(
        handle ->
            new ShareResult(
                query.period(),
                query.rep(),
                total(handle, query, query.period()),
                total(handle, query, query.period().previous()),
                query.rep().isEmpty() ? perRep(handle, query) : List.of()));
  }

  /** The sales of the period, for the team or the rep: the flagged live ones are the share. */
  public Drilldown drill(FigureQuery query) {
    return jdbi.withHandle(handle -> SaleRows.ofPeriod(handle, query));
  }

  private List<RepPart> perRep(Handle handle, FigureQuery query) {
    return handle
        .createQuery(
            "SELECT r.id, r.platform_user_id, r.display_name, SUM(d.sales) AS sales,"
                + " SUM(d.revenue_cents) AS revenue, SUM(d."
                + count
                + ") AS marked, SUM(d."
                + cents
                + ") AS marked_revenue "
                + FigureQuery.SALES_BY_DAY
                + " GROUP BY r.id HAVING SUM(d.sales) > 0")
        .bindMap(query.span(query.period()))
        .map(
            (rs, ctx) ->
                new RepPart(
                    Rep.read(rs),
                    new Part(
                        new Share(rs.getLong("marked"), rs.getLong("sales")),
                        new Share(rs.getLong("marked_revenue"), rs.getLong("revenue")))))
        .list()
        .stream()
        .sorted(BEST_FIRST)
        .toList();
  }

  /** The team's (or the query's rep's) sales in a period. */
  private Part total(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            "SELECT COALESCE(SUM(sales), 0), COALESCE(SUM(revenue_cents), 0),"
                + " COALESCE(SUM("
                + count
                + "), 0), COALESCE(SUM("
                + cents
                + "), 0) FROM sales_by_day WHERE "
                + FigureQuery.SALES_OF_SPAN)
        .bindMap(query.span(period))
        .map(
            (rs, ctx) ->
                new Part(
                    new Share(rs.getLong(3), rs.getLong(1)),
                    new Share(rs.getLong(4), rs.getLong(2))))
        .one();
  }
}
