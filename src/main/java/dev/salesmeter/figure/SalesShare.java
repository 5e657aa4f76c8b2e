package dev.salesmeter.figure;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.knowm.xchart.HorizontalBarChart;

/**
 * The share of a period's sales that have a property (cross-sell, a repeat customer), by count and
 * by revenue, for the team and per rep, compared with the period before. The sales with the
 * property are counted and summed per day in sales_by_day; everything is summed in the database.
 */
public final class SalesShare {
  /** One rep's sales in a period, and those with the property. */
  record Row(String rep, long sales, long revenue, long marked, long markedRevenue) {}

  private final Jdbi jdbi;
  private final String count;
  private final String cents;
  private final String words;

  /**
   * @param count the sales_by_day column counting the sales with the property ({@code repeats})
   * @param cents the column summing their amounts ({@code repeat_cents})
   * @param words the message key prefix of the figure ({@code figure.repeat})
   */
  public SalesShare(Jdbi jdbi, String count, String cents, String words) {
    this.jdbi = jdbi;
    this.count = count;
    this.cents = cents;
    this.words = words;
  }

  public FigureAnswer answer(FigureQuery query) {
    Formats formats = Formats.of(query.settings());
    Messages messages = formats.messages();
    String periodWords = formats.period(query.period());
    String title = FigureText.title(messages, words, query.rep(), periodWords);
    return jdbi.withHandle(
        handle -> {
          List<Row> rows = rows(handle, query, query.period());
          Row total = sum(rows);
          if (total.sales() == 0) {
            return new FigureAnswer(title, messages.get("figure.noSales", periodWords), List.of());
          }
          Row before = total(handle, query, query.period().previous());
          BigDecimal byCount = FigureText.percent(total.marked(), total.sales());
          BigDecimal byRevenue = FigureText.percent(total.markedRevenue(), total.revenue());
          List<String> lines = new ArrayList<>();
          lines.add(
              messages.get(
                  words + ".share",
                  total.marked(),
                  total.sales(),
                  formats.percent(byCount),
                  formats.money(Money.ofCents(total.markedRevenue())),
                  formats.money(Money.ofCents(total.revenue())),
                  formats.percent(byRevenue)));
          String change =
              before.sales() == 0
                  ? messages.get("figure.nothingBefore")
                  : FigureText.points(
                      formats,
                      byCount.subtract(FigureText.percent(before.marked(), before.sales())));
          lines.add(
              messages.get(
                  "figure.compareShare", formats.periodShort(query.period().previous()), change));
          if (query.rep().isEmpty()) {
            lines.add(
                messages.get(
                    "figure.byRep",
                    rows.stream()
                        .map(
                            r ->
                                r.rep()
                                    + " "
                                    + formats.percent(FigureText.percent(r.marked(), r.sales())))
                        .collect(Collectors.joining(" · "))));
          }
          List<FigureAnswer.Field> fields =
              List.of(
                  new FigureAnswer.Field(
                      messages.get("figure.field.byCount"), formats.percent(byCount)),
                  new FigureAnswer.Field(
                      messages.get("figure.field.byRevenue"), formats.percent(byRevenue)),
                  new FigureAnswer.Field(messages.get("figure.field.change"), change));
          return new FigureAnswer(title, String.join("\n", lines), fields)
              .withChart(() -> chart(formats, title, query, total, rows));
        });
  }

  private List<Row> rows(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            "SELECT r.display_name AS rep, SUM(d.sales) AS sales, SUM(d.revenue_cents) AS revenue,"
                + " SUM(d."
                + count
                + ") AS marked, SUM(d."
                + cents
                + ") AS marked_revenue "
                + FigureQuery.SALES_BY_DAY
                + " AND (:rep IS NULL OR r.id = :rep)"
                + " GROUP BY r.id HAVING SUM(d.sales) > 0 ORDER BY revenue DESC, r.display_name")
        .bindMap(query.span(period))
        .map(
            (rs, ctx) ->
                new Row(
                    rs.getString("rep"),
                    rs.getLong("sales"),
                    rs.getLong("revenue"),
                    rs.getLong("marked"),
                    rs.getLong("marked_revenue")))
        .list();
  }

  /**
   * The share by count (blue) and by revenue (orange) of the team, then of each rep, best revenue
   * first: a row each, so that every name is written however many reps there are.
   */
  private Picture chart(
      Formats formats, String title, FigureQuery query, Row total, List<Row> rows) {
    Messages messages = formats.messages();
    List<Row> shown = new ArrayList<>();
    if (query.rep().isEmpty()) {
      shown.add(
          new Row(
              messages.get("chart.share.team"),
              total.sales(),
              total.revenue(),
              total.marked(),
              total.markedRevenue()));
    }
    shown.addAll(rows);
    HorizontalBarChart chart = ChartLook.ranking(title, formats, shown.size());
    List<String> names = shown.stream().map(r -> ChartLook.axisName(r.rep())).toList();
    List<Double> byCount =
        shown.stream().map(r -> FigureText.percent(r.marked(), r.sales()).doubleValue()).toList();
    List<Double> byRevenue =
        shown.stream()
            .map(r -> FigureText.percent(r.markedRevenue(), r.revenue()).doubleValue())
            .toList();
    chart
        .addSeries(messages.get("chart.share.byCount"), byCount, names)
        .setFillColor(ChartLook.BLUE);
    chart
        .addSeries(messages.get("chart.share.byRevenue"), byRevenue, names)
        .setFillColor(ChartLook.ORANGE);
    double highest =
        Math.max(
            byCount.stream().mapToDouble(Double::doubleValue).max().orElse(0),
            byRevenue.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    // Room beyond the longest bar, in tens of percent, up to 100%.
    chart.getStyler().setXAxisMax(Math.min(100, Math.max(10, Math.ceil(highest * 1.2 / 10) * 10)));
    chart
        .getStyler()
        .setXAxisTickLabelsFormattingFunction(
            value -> formats.percent(BigDecimal.valueOf(Math.round(value))));
    return ChartLook.png(
        chart,
        ChartLook.fileName(
            words.substring(words.indexOf('.') + 1),
            query.period().start(),
            query.period().end(),
            query.rep().map(Rep::displayName).orElse("")));
  }

  /** The team's (or the query's rep's) sales in a period, as one row. */
  private Row total(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            "SELECT COALESCE(SUM(sales), 0), COALESCE(SUM(revenue_cents), 0),"
                + " COALESCE(SUM("
                + count
                + "), 0), COALESCE(SUM("
                + cents
                + "), 0) FROM sales_by_day"
                + " WHERE workspace_id = :ws AND day >= :firstDay AND day <= :lastDay"
                + " AND (:rep IS NULL OR rep_id = :rep)")
        .bindMap(query.span(period))
        .map((rs, ctx) -> new Row("", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .one();
  }

  private static Row sum(List<Row> rows) {
    return new Row(
        "",
        rows.stream().mapToLong(Row::sales).sum(),
        rows.stream().mapToLong(Row::revenue).sum(),
        rows.stream().mapToLong(Row::marked).sum(),
        rows.stream().mapToLong(Row::markedRevenue).sum());
  }
}
