package dev.salesmeter.figure.aov;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.figure.WordedResult;
import dev.salesmeter.store.Database;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Average order value: a period's sales per rep — count, total, mean and median — summed in SQL
 * (each median read as the middle row or two of the sales in order of value). Among the reps with a
 * sale, the median of their counts and of their mean order values split them: above the count
 * median and below the value median is a gatherer (many small orders), below and above a hunter
 * (few big ones).
 */
public final class AovFigure implements Figure<WordedResult> {
  /** One rep's (or, with an empty name, the team's) orders in a period. */
  record Orders(String rep, long count, long total, double median) {
    double mean() {
      return count == 0 ? 0 : (double) total / count;
    }
  }

  private final Jdbi jdbi;

  public AovFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<String> names() {
    return List.of("aov", "orderwaarde", "ordervalue", "order-value");
  }

  @Override
  public WordedResult compute(FigureQuery query) {
    return WordedResult.of(query, words(query));
  }

  @Override
  public FigureAnswer render(WordedResult result, Formats formats) {
    return result.answer();
  }

  private FigureAnswer words(FigureQuery query) {
    Formats formats = Formats.of(query.settings());
    Messages messages = formats.messages();
    String periodWords = formats.period(query.period());
    String title = FigureText.title(messages, "figure.aov", query.rep(), periodWords);
    return jdbi.withHandle(
        handle -> {
          List<Orders> reps = perRep(handle, query);
          long count = reps.stream().mapToLong(Orders::count).sum();
          if (count == 0) {
            return new FigureAnswer(title, messages.get("figure.noSales", periodWords), List.of());
          }
          Map<String, Object> span = query.span(query.period());
          Orders team =
              new Orders(
                  "",
                  count,
                  reps.stream().mapToLong(Orders::total).sum(),
                  median(
                      handle, count, span, query.rep().isPresent() ? "AND s.rep_id = :rep" : ""));
          Orders before = total(handle, query, query.period().previous());
          List<String> lines = new ArrayList<>();
          lines.add(
              messages.get(
                  "figure.aov.team",
                  team.count(),
                  money(formats, team.total()),
                  money(formats, team.mean()),
                  money(formats, team.median())));
          double countMedian = median(reps, o -> o.count());
          double valueMedian = median(reps, Orders::mean);
          for (Orders rep : reps) {
            String kind =
                rep.count() > countMedian && rep.mean() < valueMedian
                    ? " — " + messages.get("figure.aov.gatherer")
                    : rep.count() < countMedian && rep.mean() > valueMedian
                        ? " — " + messages.get("figure.aov.hunter")
                        : "";
            lines.add(
                messages.get(
                        rep.count() == 1 ? "figure.aov.repOne" : "figure.aov.rep",
                        rep.rep(),
                        rep.count(),
                        money(formats, rep.mean()),
                        money(formats, rep.median()))
                    + kind);
          }
          if (query.rep().isEmpty()) {
            lines.add(
                messages.get(
                    "figure.aov.medians",
                    formats.number(BigDecimal.valueOf(countMedian)),
                    money(formats, valueMedian)));
          }
          String change =
              before.count() == 0
                  ? messages.get("figure.nothingBefore")
                  : FigureText.moneyChange(
                      formats, Math.round(team.mean()), Math.round(before.mean()));
          lines.add(
              messages.get(
                  "figure.aov.compare", formats.periodShort(query.period().previous()), change));
          List<FigureAnswer.Field> fields =
              List.of(
                  new FigureAnswer.Field(
                      messages.get("figure.field.sales"), Long.toString(team.count())),
                  new FigureAnswer.Field(
                      messages.get("figure.field.mean"), money(formats, team.mean())),
                  new FigureAnswer.Field(
                      messages.get("figure.field.median"), money(formats, team.median())),
                  new FigureAnswer.Field(messages.get("figure.field.change"), change));
          return new FigureAnswer(title, String.join("\n", lines), fields)
              .withChart(
                  () ->
                      AovChart.draw(
                          formats, title, query.period(), reps, countMedian, valueMedian));
        });
  }

  private static String money(Formats formats, double cents) {
    return formats.money(Money.ofCents(Math.round(cents)));
  }

  private static double median(List<Orders> reps, ToDoubleFunction<Orders> value) {
    double[] sorted = reps.stream().mapToDouble(value).sorted().toArray();
    if (sorted.length == 0) {
      return 0;
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** Each rep's orders in the query's period (or the query's rep's), best total first. */
  private static List<Orders> perRep(Handle handle, FigureQuery query) {
    Map<String, Object> span = query.span(query.period());
    List<Orders> reps =
        handle
            .createQuery(
                "SELECT r.id, r.display_name AS rep, SUM(d.sales) AS count,"
                    + " SUM(d.revenue_cents) AS total "
                    + FigureQuery.SALES_BY_DAY
                    + " AND (:rep IS NULL OR r.id = :rep)"
                    + " GROUP BY r.id HAVING SUM(d.sales) > 0")
            .bindMap(span)
            .map(
                (rs, ctx) -> {
                  Map<String, Object> ofRep = new HashMap<>(span);
                  ofRep.put("rep", rs.getLong("id"));
                  long count = rs.getLong("count");
                  return new Orders(
                      rs.getString("rep"),
                      count,
                      rs.getLong("total"),
                      median(handle, count, ofRep, "AND s.rep_id = :rep"));
                })
            .list();
    return reps.stream()
        .sorted(Comparator.comparingLong(Orders::total).reversed().thenComparing(Orders::rep))
        .toList();
  }

  /**
   * The median of {@code count} sales in a span (and rep), read at the middle of them in order of
   * value: one or two rows, found through an index rather than by ranking them all.
   */
  private static double median(
      Handle handle, long count, Map<String, Object> span, String repCondition) {
    return handle
        .createQuery(
            // The unary + keeps SQLite from reading the period by time and sorting it: it walks
            // sale_facts_by_value (or _by_rep_value) in order of value and skips other periods,
            // which costs at most one pass over the index, however long the period.
            "SELECT AVG(amount_cents) FROM (SELECT s.amount_cents FROM sale_facts s"
                + " WHERE s.workspace_id = :ws AND +s.occurred_at >= :from AND +s.occurred_at < :to "
                + repCondition
                + " ORDER BY s.amount_cents LIMIT :middle OFFSET :before)")
        .bindMap(span)
        .bind("middle", 2 - count % 2)
        .bind("before", (count - 1) / 2)
        .mapTo(Double.class)
        .one();
  }

  /** The team's (or the query's rep's) count and total in a period, without the median. */
  private static Orders total(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            """
            SELECT COALESCE(SUM(sales), 0), COALESCE(SUM(revenue_cents), 0) FROM sales_by_day
            WHERE workspace_id = :ws AND day >= :firstDay AND day <= :lastDay
              AND (:rep IS NULL OR rep_id = :rep)
            """)
        .bindMap(query.span(period))
        .map((rs, ctx) -> new Orders("", rs.getLong(1), rs.getLong(2), 0))
        .one();
  }
}
