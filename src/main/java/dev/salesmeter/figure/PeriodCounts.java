package dev.salesmeter.figure;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.store.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What happened in each of several periods (the weeks of a scorecard), counted by the database:
 * three queries for all the periods at once (steps from the live events, sales from sales_by_day,
 * decided quotes from opportunity_facts) rather than several per period.
 */
public final class PeriodCounts {
  /**
   * One period's live events, counted.
   *
   * @param quotesWon quoted opportunities won in the period (their first live sale)
   * @param quotesLost quoted opportunities lost in the period and not won
   * @param repeats sales to a customer with an earlier live sale (figure 5); the other sales are
   *     each a new customer's first
   */
  public record Counts(
      Money revenue,
      long sales,
      long leads,
      long appointments,
      long quotes,
      long quotesWon,
      long quotesLost,
      long crossSells,
      long repeats) {
    public long newCustomers() {
      return sales - repeats;
    }

    public long quotesDecided() {
      return quotesWon + quotesLost;
    }

    public boolean isEmpty() {
      return sales + leads + appointments + quotes + quotesLost == 0;
    }
  }

  private final Jdbi jdbi;

  public PeriodCounts(Database database) {
    this.jdbi = database.jdbi();
  }

  /** The team's counts of each period, in the order given (the query's own period is not used). */
  public List<Counts> count(FigureQuery query, List<Period> periods) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("ws", query.workspace().value());
    String with = query.withSpans(periods, parameters);
    return jdbi.withHandle(
        handle -> {
          Map<Integer, long[]> steps =
              rows(
                  handle,
                  with
                      + """
                      SELECT s.i,
                             SUM(CASE WHEN e.kind = 'lead' THEN 1 ELSE 0 END),
                             SUM(CASE WHEN e.kind = 'appointment' THEN 1 ELSE 0 END),
                             SUM(CASE WHEN e.kind = 'quote' THEN 1 ELSE 0 END)
                      FROM spans s JOIN live_events e
                        ON e.workspace_id = :ws AND e.kind IN ('lead', 'appointment', 'quote')
                       AND e.occurred_at >= s.span_from AND e.occurred_at < s.span_to
                      GROUP BY s.i
                      """,
                  parameters);
          Map<Integer, long[]> sales =
              rows(
                  handle,
                  with
                      + """
                      SELECT s.i, SUM(d.sales), SUM(d.revenue_cents), SUM(d.cross_sells),
                             SUM(d.repeats)
                      FROM spans s JOIN sales_by_day d
                        ON d.workspace_id = :ws
                       AND d.day >= s.first_day AND d.day <= s.last_day
                      GROUP BY s.i
                      """,
                  parameters);
          Map<Integer, long[]> decided =
              rows(
                  handle,
                  with
                      + """
                      SELECT s.i,
                             (SELECT COUNT(*) FROM opportunity_facts o
                              WHERE o.workspace_id = :ws AND o.first_quote_at IS NOT NULL
                                AND o.won_at >= s.span_from AND o.won_at < s.span_to),
                             (SELECT COUNT(*) FROM opportunity_facts o
                              WHERE o.workspace_id = :ws AND o.first_quote_at IS NOT NULL
                                AND o.lost_at >= s.span_from AND o.lost_at < s.span_to
                                AND o.won_at IS NULL)
                      FROM spans s
                      """,
                  parameters);
          List<Counts> counts = new ArrayList<>(periods.size());
          for (int i = 0; i < periods.size(); i++) {
            long[] step = steps.getOrDefault(i, new long[3]);
            long[] sale = sales.getOrDefault(i, new long[4]);
            long[] quotes = decided.get(i);
            counts.add(
                new Counts(
                    Money.ofCents(sale[1]),
                    sale[0],
                    step[0],
                    step[1],
                    step[2],
                    quotes[0],
                    quotes[1],
                    sale[2],
                    sale[3]));
          }
          return counts;
        });
  }

  /** Each row's numbers after its first column, the period's index. */
  private static Map<Integer, long[]> rows(
      Handle handle, String sql, Map<String, Object> parameters) {
    return handle
        .createQuery(sql)
        .bindMap(parameters)
        .map(
            (rs, ctx) -> {
              long[] numbers = new long[rs.getMetaData().getColumnCount() - 1];
              for (int column = 0; column < numbers.length; column++) {
                numbers[column] = rs.getLong(column + 2);
              }
              return Map.entry(rs.getInt(1), numbers);
            })
        .collectToMap(Map.Entry::getKey, Map.Entry::getValue);
  }
}
