package dev.salesmeter.figure;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The share of a period's sales that have a property (cross-sell, a repeat customer), by count and
 * by revenue, for the team and per rep, compared with the period before. The property is a SQL
 * condition on the sale {@code s}; everything is summed in the database.
 */
public final class SalesShare {
  /** One rep's sales in a period, and those with the property. */
  record Row(String rep, long sales, long revenue, long marked, long markedRevenue) {}

  private final Jdbi jdbi;
  private final String condition;
  private final String words;

  /**
   * @param condition a SQL condition on the sale {@code s}, a row of {@code sale_facts}, true for
   *     the sales counted
   * @param words the message key prefix of the figure ({@code figure.crosssell})
   */
  public SalesShare(Jdbi jdbi, String condition, String words) {
    this.jdbi = jdbi;
    this.condition = condition;
    this.words = words;
  }

  public FigureAnswer answer(FigureQuery query) {
    Formats formats = Formats.of(query.settings());
    Messages messages = formats.messages();
    String periodWords = formats.period(query.period());
    String title = FigureText.title(messages, words, query, periodWords);
    return jdbi.withHandle(
        handle -> {
          List<Row> rows = rows(handle, query, query.period());
          Row total = sum(rows);
          if (total.sales() == 0) {
            return new FigureAnswer(title, messages.get("figure.noSales", periodWords), List.of());
          }
          Row before = sum(rows(handle, query, query.period().previous()));
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
                  "figure.compareShare", formats.periodName(query.period().previous()), change));
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
          return new FigureAnswer(title, String.join("\n", lines), fields);
        });
  }

  private List<Row> rows(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            "SELECT r.display_name AS rep, COUNT(*) AS sales, SUM(s.amount_cents) AS revenue,"
                + " SUM(CASE WHEN "
                + condition
                + " THEN 1 ELSE 0 END) AS marked,"
                + " SUM(CASE WHEN "
                + condition
                + " THEN s.amount_cents ELSE 0 END) AS marked_revenue"
                + " FROM sale_facts s JOIN reps r ON r.id = s.rep_id"
                + " WHERE s.workspace_id = :ws"
                + " AND s.occurred_at >= :from AND s.occurred_at < :to"
                + " AND (:rep IS NULL OR s.rep_id = :rep)"
                + " GROUP BY r.id ORDER BY revenue DESC, r.display_name")
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

  private static Row sum(List<Row> rows) {
    return new Row(
        "",
        rows.stream().mapToLong(Row::sales).sum(),
        rows.stream().mapToLong(Row::revenue).sum(),
        rows.stream().mapToLong(Row::marked).sum(),
        rows.stream().mapToLong(Row::markedRevenue).sum());
  }
}
