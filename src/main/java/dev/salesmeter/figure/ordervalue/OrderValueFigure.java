package dev.salesmeter.figure.ordervalue;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.store.Database;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Average order value: a period's sales per rep — count, total, mean and median — summed in SQL
 * (the medians with window functions). Among the reps with a sale, the median of their counts and
 * of their mean order values split them: above the count median and below the value median is a
 * gatherer (many small orders), below and above a hunter (few big ones).
 */
public final class OrderValueFigure implements Figure {
  /** One rep's (or, with an empty name, the team's) orders in a period. */
  record Orders(String rep, long count, long total, double median) {
    double mean() {
      return count == 0 ? 0 : (double) total / count;
    }
  }

  private final Jdbi jdbi;

  public OrderValueFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public String name() {
    return "aov";
  }

  @Override
  public String dutchName() {
    return "orderwaarde";
  }

  @Override
  public List<String> names() {
    return List.of("aov", "ordervalue", "orderwaarde", "order-value");
  }

  @Override
  public FigureAnswer answer(FigureQuery query) {
    Formats formats = Formats.of(query.settings());
    Messages messages = formats.messages();
    String periodWords = formats.period(query.period());
    String title = FigureText.title(messages, "figure.aov", query, periodWords);
    return jdbi.withHandle(
        handle -> {
          List<Orders> reps = perRep(handle, query, query.period(), false);
          Orders team =
              perRep(handle, query, query.period(), true).stream()
                  .findFirst()
                  .orElse(new Orders("", 0, 0, 0));
          if (team.count() == 0) {
            return new FigureAnswer(title, messages.get("figure.noSales", periodWords), List.of());
          }
          Orders before =
              perRep(handle, query, query.period().previous(), true).stream()
                  .findFirst()
                  .orElse(new Orders("", 0, 0, 0));
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
                  "figure.aov.compare", formats.periodName(query.period().previous()), change));
          List<FigureAnswer.Field> fields =
              List.of(
                  new FigureAnswer.Field(
                      messages.get("figure.field.sales"), Long.toString(team.count())),
                  new FigureAnswer.Field(
                      messages.get("figure.field.mean"), money(formats, team.mean())),
                  new FigureAnswer.Field(
                      messages.get("figure.field.median"), money(formats, team.median())),
                  new FigureAnswer.Field(messages.get("figure.field.change"), change));
          return new FigureAnswer(title, String.join("\n", lines), fields);
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

  /** Per rep (or, with {@code team}, all sales as one group): count, total and median. */
  private static List<Orders> perRep(
      Handle handle, FigureQuery query, Period period, boolean team) {
    String group = team ? "0" : "s.rep_id";
    return handle
        .createQuery(
            "WITH ranked AS (SELECT "
                + group
                + " AS grp, s.rep_id, s.amount_cents,"
                + " ROW_NUMBER() OVER sorted AS rn, COUNT(*) OVER sorted AS n"
                + " FROM sale_facts s WHERE s.workspace_id = :ws"
                + " AND s.occurred_at >= :from AND s.occurred_at < :to"
                + " AND (:rep IS NULL OR s.rep_id = :rep)"
                // One window for both, so that the rows are sorted once.
                + " WINDOW sorted AS (PARTITION BY "
                + group
                + " ORDER BY s.amount_cents"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))"
                + " SELECT MIN(r.display_name) AS rep, COUNT(*) AS count,"
                + " SUM(k.amount_cents) AS total,"
                + " AVG(CASE WHEN k.rn IN ((k.n + 1) / 2, (k.n + 2) / 2) THEN k.amount_cents END)"
                + " AS median"
                + " FROM ranked k JOIN reps r ON r.id = k.rep_id"
                + " GROUP BY k.grp ORDER BY total DESC, rep")
        .bindMap(query.span(period))
        .map(
            (rs, ctx) ->
                new Orders(
                    rs.getString("rep"),
                    rs.getLong("count"),
                    rs.getLong("total"),
                    rs.getDouble("median")))
        .list();
  }
}
