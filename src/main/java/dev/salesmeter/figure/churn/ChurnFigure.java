package dev.salesmeter.figure.churn;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Churn (KPIS.md figure 6). A customer is active from a sale until a churn: an explicit churn
 * event, or silently when the inactivity window after the last sale runs out — whichever comes
 * first, once per spell; a sale after a churn starts a new spell (won back). For a period: the
 * customers active at its start, those of them whose spell ended in it (the rate), the new and the
 * won-back customers, and — now — the customers at risk, whose window runs out within 60 days. The
 * spells are worked out in SQL; the window is whole days of 24 hours.
 */
public final class ChurnFigure implements Figure {
  private static final Duration AT_RISK = Duration.ofDays(60);
  private static final int NAMES_SHOWN = 8;

  /** Live sales and churns, and the moments spells ended, of the workspace. */
  private static final String SPELLS =
      """
      WITH sales AS (
        SELECT id, customer_id, occurred_at AS at FROM live_events
        WHERE workspace_id = :ws AND kind = 'sale'),
      churns AS (
        SELECT id, customer_id, occurred_at AS at FROM live_events
        WHERE workspace_id = :ws AND kind = 'churn'),
      ends AS (
        SELECT c.customer_id, c.at AS ended, 0 AS silent FROM churns c
        WHERE EXISTS (
          SELECT 1 FROM sales s
          WHERE s.customer_id = c.customer_id AND (s.at, s.id) < (c.at, c.id)
            AND c.at < s.at + :window
            AND NOT EXISTS (SELECT 1 FROM churns b WHERE b.customer_id = c.customer_id
                            AND (b.at, b.id) > (s.at, s.id) AND (b.at, b.id) < (c.at, c.id)))
        UNION ALL
        SELECT s.customer_id, s.at + :window AS ended, 1 AS silent FROM sales s
        WHERE NOT EXISTS (SELECT 1 FROM sales n WHERE n.customer_id = s.customer_id
                          AND (n.at, n.id) > (s.at, s.id) AND n.at < s.at + :window)
          AND NOT EXISTS (SELECT 1 FROM churns c WHERE c.customer_id = s.customer_id
                          AND (c.at, c.id) > (s.at, s.id) AND c.at < s.at + :window))
      """;

  /** Customers in an active spell at :at (a sale before it, within the window, no churn since). */
  private static final String ACTIVE_AT =
      """
      SELECT DISTINCT s.customer_id FROM sales s
      WHERE s.at < :at AND :at < s.at + :window
        AND NOT EXISTS (SELECT 1 FROM churns c WHERE c.customer_id = s.customer_id
                        AND (c.at, c.id) > (s.at, s.id) AND c.at < :at)
      """;

  /**
   * A moment in a customer's spell: its first sale, or its end (explicit, or silent when the
   * inactivity window ran or will run out).
   */
  public record CustomerMoment(long customer, String name, Instant at, boolean silent) {}

  private final Jdbi jdbi;

  public ChurnFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public String name() {
    return "churn";
  }

  @Override
  public String dutchName() {
    return "verloop";
  }

  @Override
  public List<String> names() {
    return List.of("churn", "verloop", "opzeggingen");
  }

  @Override
  public FigureAnswer answer(FigureQuery query) {
    Formats formats = Formats.of(query.settings());
    Messages messages = formats.messages();
    String periodWords = formats.period(query.period());
    String title = FigureText.title(messages, "figure.churn", query, periodWords);
    if (query.rep().isPresent()) {
      // A customer belongs to the team, not to one rep: churn is counted for the team only.
      return new FigureAnswer(title, messages.get("figure.churn.teamOnly"), List.of());
    }
    long window = Duration.ofDays(query.settings().inactivityDays()).toMillis();
    return jdbi.withHandle(
        handle -> {
          Spells now = spells(handle, query, query.period(), window);
          if (now.activeAtStart().isEmpty() && now.fresh().isEmpty()) {
            return new FigureAnswer(
                title, messages.get("figure.churn.none", periodWords), List.of());
          }
          Spells before = spells(handle, query, query.period().previous(), window);
          ZoneId zone = query.settings().zone();
          List<CustomerMoment> churned =
              now.ended().values().stream()
                  .filter(n -> now.activeAtStart().contains(n.customer()))
                  .toList();
          List<String> lines = new ArrayList<>();
          String rate =
              formats.percent(FigureText.percent(churned.size(), now.activeAtStart().size()));
          lines.add(
              messages.get(
                  "figure.churn.rate",
                  now.activeAtStart().size(),
                  churned.size(),
                  rate,
                  names(formats, churned, zone, true)));
          List<CustomerMoment> newAndGone =
              now.fresh().stream()
                  .filter(n -> now.ended().containsKey(n.customer()))
                  .map(n -> now.ended().get(n.customer()))
                  .toList();
          lines.add(
              messages.get(
                  "figure.churn.new",
                  now.fresh().size(),
                  names(formats, now.fresh(), zone, false),
                  now.wonBack().size(),
                  names(formats, now.wonBack(), zone, false)));
          if (!newAndGone.isEmpty()) {
            lines.add(
                messages.get("figure.churn.newAndGone", names(formats, newAndGone, zone, true)));
          }
          String change =
              before.activeAtStart().isEmpty()
                  ? messages.get("figure.nothingBefore")
                  : FigureText.points(
                      formats,
                      FigureText.percent(churned.size(), now.activeAtStart().size())
                          .subtract(
                              FigureText.percent(
                                  before.ended().keySet().stream()
                                      .filter(before.activeAtStart()::contains)
                                      .count(),
                                  before.activeAtStart().size())));
          lines.add(
              messages.get(
                  "figure.churn.compare", formats.periodName(query.period().previous()), change));
          List<CustomerMoment> atRisk = atRisk(handle, query, window);
          lines.add(
              atRisk.isEmpty()
                  ? messages.get("figure.churn.noRisk")
                  : messages.get(
                      "figure.churn.atRisk", atRisk.size(), names(formats, atRisk, zone, true)));
          List<FigureAnswer.Field> fields =
              List.of(
                  new FigureAnswer.Field(
                      messages.get("figure.field.activeAtStart"),
                      Integer.toString(now.activeAtStart().size())),
                  new FigureAnswer.Field(
                      messages.get("figure.field.churned"), Integer.toString(churned.size())),
                  new FigureAnswer.Field(messages.get("figure.field.churnRate"), rate),
                  new FigureAnswer.Field(
                      messages.get("figure.field.atRisk"), Integer.toString(atRisk.size())));
          return new FigureAnswer(title, String.join("\n", lines), fields);
        });
  }

  /**
   * The churn of a period: customers active at its start and how many of them left in it (KPIS.md
   * figure 6), for figures built on it such as lifetime value.
   */
  public record Rate(long activeAtStart, long churned) {}

  /** The churn rate's parts for a period. */
  public Rate rate(FigureQuery query, Period period) {
    long window = Duration.ofDays(query.settings().inactivityDays()).toMillis();
    return jdbi.withHandle(
        handle -> {
          Spells spells = spells(handle, query, period, window);
          long churned =
              spells.ended().keySet().stream().filter(spells.activeAtStart()::contains).count();
          return new Rate(spells.activeAtStart().size(), churned);
        });
  }

  /** The customers active at a period's start, the first spell end of each in it, and newcomers. */
  record Spells(
      Set<Long> activeAtStart,
      Map<Long, CustomerMoment> ended,
      List<CustomerMoment> fresh,
      List<CustomerMoment> wonBack) {}

  private static Spells spells(Handle handle, FigureQuery query, Period period, long window) {
    ZoneId zone = query.settings().zone();
    long from = period.startInstant(zone).toEpochMilli();
    long to = period.endInstant(zone).toEpochMilli();
    Set<Long> active =
        Set.copyOf(
            handle
                .createQuery(SPELLS + ACTIVE_AT)
                .bind("ws", query.workspace().value())
                .bind("window", window)
                .bind("at", from)
                .mapTo(Long.class)
                .list());
    Map<Long, CustomerMoment> ended = new LinkedHashMap<>();
    spellEnds(handle, query, window, from, to).forEach(n -> ended.putIfAbsent(n.customer(), n));
    List<CustomerMoment> fresh =
        firstSales(
            handle,
            query,
            window,
            from,
            to,
            "NOT EXISTS (SELECT 1 FROM sales p"
                + " WHERE p.customer_id = s.customer_id AND (p.at, p.id) < (s.at, s.id))");
    List<CustomerMoment> wonBack =
        firstSales(
            handle,
            query,
            window,
            from,
            to,
            "EXISTS (SELECT 1 FROM sales p WHERE p.customer_id = s.customer_id"
                + " AND (p.at, p.id) < (s.at, s.id))"
                + " AND NOT EXISTS (SELECT 1 FROM sales p WHERE p.customer_id = s.customer_id"
                + " AND (p.at, p.id) < (s.at, s.id) AND s.at < p.at + :window"
                + " AND NOT EXISTS (SELECT 1 FROM churns c WHERE c.customer_id = s.customer_id"
                + " AND (c.at, c.id) > (p.at, p.id) AND (c.at, c.id) < (s.at, s.id)))");
    return new Spells(active, ended, fresh, wonBack);
  }

  /** Customers with a sale in [from, to) that meets the condition, each once, by date. */
  private static List<CustomerMoment> firstSales(
      Handle handle, FigureQuery query, long window, long from, long to, String condition) {
    return handle
        .createQuery(
            SPELLS
                + "SELECT s.customer_id, c.name, MIN(s.at) FROM sales s"
                + " JOIN customers c ON c.id = s.customer_id"
                + " WHERE s.at >= :from AND s.at < :to AND "
                + condition
                + " GROUP BY s.customer_id ORDER BY MIN(s.at)")
        .bind("ws", query.workspace().value())
        .bind("window", window)
        .bind("from", from)
        .bind("to", to)
        .map(
            (rs, ctx) ->
                new CustomerMoment(
                    rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), false))
        .list();
  }

  /** The customers at risk now: their window runs out within 60 days, soonest first. */
  public List<CustomerMoment> atRisk(FigureQuery query) {
    long window = Duration.ofDays(query.settings().inactivityDays()).toMillis();
    return jdbi.withHandle(handle -> atRisk(handle, query, window));
  }

  /** Every spell that ended in the query's period, by date: the churns of the period. */
  public List<CustomerMoment> spellEnds(FigureQuery query) {
    long window = Duration.ofDays(query.settings().inactivityDays()).toMillis();
    ZoneId zone = query.settings().zone();
    return jdbi.withHandle(
        handle ->
            spellEnds(
                handle,
                query,
                window,
                query.period().startInstant(zone).toEpochMilli(),
                query.period().endInstant(zone).toEpochMilli()));
  }

  private static List<CustomerMoment> spellEnds(
      Handle handle, FigureQuery query, long window, long from, long to) {
    return handle
        .createQuery(
            SPELLS
                + "SELECT e.customer_id, c.name, e.ended, e.silent FROM ends e"
                + " JOIN customers c ON c.id = e.customer_id"
                + " WHERE e.ended >= :from AND e.ended < :to ORDER BY e.ended")
        .bind("ws", query.workspace().value())
        .bind("window", window)
        .bind("from", from)
        .bind("to", to)
        .map(
            (rs, ctx) ->
                new CustomerMoment(
                    rs.getLong(1),
                    rs.getString(2),
                    Instant.ofEpochMilli(rs.getLong(3)),
                    rs.getInt(4) == 1))
        .list();
  }

  /** Active customers whose window runs out within 60 days from now, soonest first. */
  private static List<CustomerMoment> atRisk(Handle handle, FigureQuery query, long window) {
    long now = query.now().toEpochMilli();
    return handle
        .createQuery(
            SPELLS
                + "SELECT e.customer_id, c.name, e.ended, e.silent FROM ends e"
                + " JOIN customers c ON c.id = e.customer_id"
                + " WHERE e.silent = 1 AND e.ended > :now AND e.ended <= :until"
                + " AND e.ended - :window <= :now ORDER BY e.ended")
        .bind("ws", query.workspace().value())
        .bind("window", window)
        .bind("now", now)
        .bind("until", now + AT_RISK.toMillis())
        .map(
            (rs, ctx) ->
                new CustomerMoment(
                    rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), true))
        .list();
  }

  /** "Acme (4 Mar), Beta (silently, 12 Mar)", the first few, and how many more. */
  private static String names(
      Formats formats, List<CustomerMoment> named, ZoneId zone, boolean dated) {
    if (named.isEmpty()) {
      return "—";
    }
    Messages messages = formats.messages();
    String shown =
        named.stream()
            .limit(NAMES_SHOWN)
            .map(
                n -> {
                  if (!dated) {
                    return n.name();
                  }
                  String day = formats.date(LocalDate.ofInstant(n.at(), zone));
                  return n.name()
                      + " ("
                      + (n.silent() ? messages.get("figure.churn.silently", day) : day)
                      + ")";
                })
            .collect(Collectors.joining(", "));
    int more = named.size() - NAMES_SHOWN;
    return more > 0 ? shown + " " + messages.get("figure.quotes.staleMore", more) : shown;
  }
}
