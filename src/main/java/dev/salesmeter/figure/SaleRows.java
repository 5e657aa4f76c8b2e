package dev.salesmeter.figure;

import dev.salesmeter.core.Percentage;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Drilldown.Column;
import dev.salesmeter.figure.Drilldown.Kind;
import dev.salesmeter.figure.Drilldown.Row;
import dev.salesmeter.figure.Drilldown.Table;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The sales behind a figure, as the drill-down's table {@code sales}: every sale event a condition
 * picks, live or voided. A live sale is one of sale_facts, which sales_by_day sums, so the live
 * rows add up to what the figures sum; a voided one is marked, with the number of the void that
 * undid it, and a correction's copy names the sale it replaces.
 */
public final class SaleRows {
  /** By local day, then event number. */
  public static final String BY_DATE = "s.day, s.number";

  /** The columns of every sales table. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("number", Kind.NUMBER),
          new Column("date", Kind.DATE),
          new Column("rep", Kind.TEXT),
          new Column("customer", Kind.TEXT),
          new Column("amount", Kind.MONEY),
          new Column("crosssell", Kind.BOOLEAN),
          // as figure 5 counts it: the customer had an earlier live sale; empty when voided
          new Column("repeat", Kind.BOOLEAN),
          // as logged, in the workspace's words; a percentage has no kind of its own
          new Column("margin", Kind.TEXT),
          new Column("products", Kind.TEXT),
          new Column("voided_by", Kind.NUMBER),
          new Column("replaces", Kind.NUMBER));

  private SaleRows() {}

  /**
   * The sales that meet a condition, in an order.
   *
   * @param span the local days the condition asks about; its parameters ({@link FigureQuery#span})
   *     are bound
   * @param with a {@code WITH} clause the condition reads, or empty
   * @param condition on the unaliased columns {@code workspace_id}, {@code number}, {@code rep_id},
   *     {@code customer_id}, {@code day} (the local day as logged), {@code occurred_at}, {@code
   *     amount_cents}, {@code cross_sell}: such as {@link FigureQuery#SALES_OF_SPAN}
   * @param order on {@code s} (the sale), {@code r} (its rep) and {@code v} (its void, if any):
   *     such as {@link #BY_DATE}
   */
  public static Table table(
      Handle handle, FigureQuery query, Period span, String with, String condition, String order) {
    Map<String, Object> parameters = query.span(span);
    // A local day lies within 14 hours of the same day in UTC, whatever the zone it was logged
    // in: these bounds read the sales of the span, and a few more, through the (workspace, kind,
    // time) index; the condition then picks by local day as the figures do.
    parameters.put(
        "nearFrom",
        span.start().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    parameters.put(
        "nearTo", span.end().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    Formats formats = Formats.of(query.settings());
    List<Row> rows =
        handle
            .createQuery(
                with
                    + "SELECT s.number, s.day, r.display_name AS rep, c.name AS customer,"
                    + " s.amount_cents, s.cross_sell, f.is_repeat, s.margin_bp, s.products,"
                    + " v.number AS voided_by, p.number AS replaces"
                    + " FROM (SELECT * FROM (SELECT id, number, workspace_id, rep_id, customer_id,"
                    + " local_date AS day, occurred_at, amount_cents, cross_sell, margin_bp,"
                    + " products, replaces_event_id FROM events"
                    + " WHERE workspace_id = :ws AND kind = 'sale'"
                    + " AND occurred_at >= :nearFrom AND occurred_at < :nearTo) near"
                    + " WHERE "
                    + condition
                    + ") s"
                    + " JOIN reps r ON r.id = s.rep_id JOIN customers c ON c.id = s.customer_id"
                    + " LEFT JOIN sale_facts f ON f.event_id = s.id"
                    + " LEFT JOIN events v ON v.voids_event_id = s.id"
                    + " LEFT JOIN events p ON p.id = s.replaces_event_id"
                    + " ORDER BY "
                    + order)
            .bindMap(parameters)
            .map(
                (rs, ctx) -> {
                  Long margin = DrillCells.number(rs, "margin_bp");
                  String products = rs.getString("products");
                  Long voidedBy = DrillCells.number(rs, "voided_by");
                  return new Row(
                      Arrays.asList(
                          rs.getLong("number"),
                          DrillCells.date(rs, "day"),
                          rs.getString("rep"),
                          rs.getString("customer"),
                          DrillCells.money(rs, "amount_cents"),
                          rs.getInt("cross_sell") == 1,
                          DrillCells.bool(rs, "is_repeat"),
                          margin == null
                              ? null
                              : formats.percentage(Percentage.ofBasisPoints(margin.intValue())),
                          products == null ? null : products.replace(",", ", "),
                          voidedBy,
                          DrillCells.number(rs, "replaces")),
                      voidedBy != null);
                })
            .list();
    return new Table("sales", COLUMNS, rows);
  }

  /** The sales of the query's period, for its team or rep, by date: what sales_by_day sums. */
  public static Drilldown ofPeriod(Handle handle, FigureQuery query) {
    return new Drilldown(
        List.of(table(handle, query, query.period(), "", FigureQuery.SALES_OF_SPAN, BY_DATE)));
  }
}
