package dev.salesmeter.figure;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.store.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;

/**
 * What happened in each of several periods (the weeks of a scorecard), counted by the database in
 * one query over the events index rather than once per period and figure.
 */
public final class PeriodCounts {
  /**
   * One period's live events, counted.
   *
   * @param quotesWon sales that closed an opportunity with a live quote
   * @param quotesLost lost events that closed an opportunity with a live quote
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

  private static final Counts NOTHING = new Counts(Money.ofCents(0), 0, 0, 0, 0, 0, 0, 0, 0);

  private static final String QUOTED =
      "EXISTS (SELECT 1 FROM live_events q WHERE q.opportunity_id = e.opportunity_id"
          + " AND q.kind = 'quote')";

  private static final String EARLIER_SALE =
      "EXISTS (SELECT 1 FROM live_events p WHERE p.workspace_id = e.workspace_id"
          + " AND p.customer_id = e.customer_id AND p.kind = 'sale'"
          + " AND (p.occurred_at, p.id) < (e.occurred_at, e.id))";

  private final Jdbi jdbi;

  public PeriodCounts(Database database) {
    this.jdbi = database.jdbi();
  }

  /** The team's counts of each period, in the order given (the query's own period is not used). */
  public List<Counts> count(FigureQuery query, List<Period> periods) {
    if (periods.isEmpty()) {
      return List.of();
    }
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("ws", query.workspace().value());
    for (int i = 0; i < periods.size(); i++) {
      Map<String, Object> span = query.span(periods.get(i));
      parameters.put("from" + i, span.get("from"));
      parameters.put("to" + i, span.get("to"));
    }
    String spans =
        IntStream.range(0, periods.size())
            .mapToObj(i -> "(" + i + ", :from" + i + ", :to" + i + ")")
            .collect(Collectors.joining(", "));
    Map<Integer, Counts> byPeriod =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "WITH spans (i, span_from, span_to) AS (VALUES "
                            + spans
                            + ") SELECT s.i,"
                            + " COALESCE(SUM(CASE WHEN e.kind = 'sale' THEN e.amount_cents END), 0)"
                            + " AS revenue,"
                            + " SUM(CASE WHEN e.kind = 'sale' THEN 1 ELSE 0 END) AS sales,"
                            + " SUM(CASE WHEN e.kind = 'lead' THEN 1 ELSE 0 END) AS leads,"
                            + " SUM(CASE WHEN e.kind = 'appointment' THEN 1 ELSE 0 END)"
                            + " AS appointments,"
                            + " SUM(CASE WHEN e.kind = 'quote' THEN 1 ELSE 0 END) AS quotes,"
                            + " SUM(CASE WHEN e.kind = 'sale' AND "
                            + QUOTED
                            + " THEN 1 ELSE 0 END) AS quotes_won,"
                            + " SUM(CASE WHEN e.kind = 'lost' AND "
                            + QUOTED
                            + " THEN 1 ELSE 0 END) AS quotes_lost,"
                            + " SUM(CASE WHEN e.kind = 'sale' AND e.cross_sell = 1 THEN 1 ELSE 0"
                            + " END) AS cross_sells,"
                            + " SUM(CASE WHEN e.kind = 'sale' AND "
                            + EARLIER_SALE
                            + " THEN 1 ELSE 0 END) AS repeats"
                            + " FROM spans s JOIN live_events e"
                            + " ON e.workspace_id = :ws"
                            + " AND e.kind IN ('lead', 'appointment', 'quote', 'sale', 'lost')"
                            + " AND e.occurred_at >= s.span_from AND e.occurred_at < s.span_to"
                            + " GROUP BY s.i")
                    .bindMap(parameters)
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                rs.getInt("i"),
                                new Counts(
                                    Money.ofCents(rs.getLong("revenue")),
                                    rs.getLong("sales"),
                                    rs.getLong("leads"),
                                    rs.getLong("appointments"),
                                    rs.getLong("quotes"),
                                    rs.getLong("quotes_won"),
                                    rs.getLong("quotes_lost"),
                                    rs.getLong("cross_sells"),
                                    rs.getLong("repeats"))))
                    .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
    List<Counts> counts = new ArrayList<>(periods.size());
    for (int i = 0; i < periods.size(); i++) {
      counts.add(byPeriod.getOrDefault(i, NOTHING));
    }
    return counts;
  }
}
