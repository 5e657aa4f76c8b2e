package dev.salesmeter.figure.churn;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.store.Database;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Churn (KPIS.md figure 6). A customer is active from a sale until a churn: an explicit churn
 * event, or silently when the inactivity window after the last sale runs out — whichever comes
 * first, once per spell; a sale after a churn starts a new spell (won back). For a period: the
 * customers active at its start, those of them whose spell ended in it (the rate), the new and the
 * won-back customers, and — now — the customers at risk, whose window runs out within 60 days. The
 * spells are read from {@code customer_spells}, which the database keeps from the live sales and
 * churns (migration V2); the window is whole days of 24 hours.
 */
public final class ChurnFigure implements Figure {
  private static final Duration AT_RISK = Duration.ofDays(60);
  private static final int NAMES_SHOWN = 8;

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
    return jdbi.withHandle(
        handle -> {
          Spells now = spells(handle, query, query.period());
          if (now.rate().activeAtStart() == 0 && now.fresh().isEmpty()) {
            return new FigureAnswer(
                title, messages.get("figure.churn.none", periodWords), List.of());
          }
          Rate before = rate(handle, query, query.period().previous());
          ZoneId zone = query.settings().zone();
          List<String> lines = new ArrayList<>();
          String rate = formats.percent(now.rate().percent());
          lines.add(
              messages.get(
                  "figure.churn.rate",
                  now.rate().activeAtStart(),
                  now.rate().churned(),
                  rate,
                  names(formats, now.churned(), zone, true)));
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
              before.activeAtStart() == 0
                  ? messages.get("figure.nothingBefore")
                  : FigureText.points(formats, now.rate().percent().subtract(before.percent()));
          lines.add(
              messages.get(
                  "figure.churn.compare", formats.periodName(query.period().previous()), change));
          List<CustomerMoment> atRisk = atRisk(handle, query);
          lines.add(
              switch (atRisk.size()) {
                case 0 -> messages.get("figure.churn.noRisk");
                case 1 ->
                    messages.get("figure.churn.atRiskOne", names(formats, atRisk, zone, true));
                default ->
                    messages.get(
                        "figure.churn.atRisk", atRisk.size(), names(formats, atRisk, zone, true));
              });
          List<FigureAnswer.Field> fields =
              List.of(
                  new FigureAnswer.Field(
                      messages.get("figure.field.activeAtStart"),
                      Long.toString(now.rate().activeAtStart())),
                  new FigureAnswer.Field(
                      messages.get("figure.field.churned"), Long.toString(now.rate().churned())),
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
  public record Rate(long activeAtStart, long churned) {
    /** The churn rate in percent, one decimal; 0 when nobody was active. */
    public BigDecimal percent() {
      return FigureText.percent(churned, activeAtStart);
    }
  }

  /** The churn rate's parts for a period. */
  public Rate rate(FigureQuery query, Period period) {
    return jdbi.withHandle(handle -> rate(handle, query, period));
  }

  /** A spell was active at :from if it started before and had not ended (a churn at :from not). */
  private static final String ACTIVE_AT_START =
      "s.started_at < :from AND (s.ended_at > :from OR (s.silent = 0 AND s.ended_at = :from))";

  private static Rate rate(Handle handle, FigureQuery query, Period period) {
    long[] bounds = bounds(query, period);
    return handle
        .createQuery(
            "SELECT (SELECT COUNT(*) FROM customer_spells s WHERE s.workspace_id = :ws AND "
                + ACTIVE_AT_START
                + "), (SELECT COUNT(*) FROM customer_spells s WHERE s.workspace_id = :ws"
                + " AND s.ended_at >= :from AND s.ended_at < :to AND "
                + ACTIVE_AT_START
                + ")")
        .bind("ws", query.workspace().value())
        .bind("from", bounds[0])
        .bind("to", bounds[1])
        .map((rs, ctx) -> new Rate(rs.getLong(1), rs.getLong(2)))
        .one();
  }

  /**
   * A period's start and end in UTC milliseconds; the end no later than now, since a silent end
   * after now has not happened yet: it is a risk, not a churn.
   */
  private static long[] bounds(FigureQuery query, Period period) {
    ZoneId zone = query.settings().zone();
    return new long[] {
      period.startInstant(zone).toEpochMilli(),
      Math.min(period.endInstant(zone).toEpochMilli(), query.now().toEpochMilli())
    };
  }

  /**
   * A period's churn rate; the customers who left (of those active at its start), the first spell
   * end in it of every customer, and the new and won-back customers.
   */
  record Spells(
      Rate rate,
      List<CustomerMoment> churned,
      Map<Long, CustomerMoment> ended,
      List<CustomerMoment> fresh,
      List<CustomerMoment> wonBack) {}

  private static Spells spells(Handle handle, FigureQuery query, Period period) {
    long[] bounds = bounds(query, period);
    long from = bounds[0];
    long to = bounds[1];
    Map<Long, CustomerMoment> ended = new LinkedHashMap<>();
    spellEnds(handle, query, from, to).forEach(n -> ended.putIfAbsent(n.customer(), n));
    return new Spells(
        rate(handle, query, period),
        ends(
            handle,
            query,
            "s.ended_at >= :from AND s.ended_at < :to AND " + ACTIVE_AT_START,
            from,
            to),
        ended,
        spellStarts(handle, query, from, to, 0),
        spellStarts(handle, query, from, to, 1));
  }

  /** Customers whose first spell in [from, to) started new (0) or won back (1), by date. */
  private static List<CustomerMoment> spellStarts(
      Handle handle, FigureQuery query, long from, long to, int wonBack) {
    return handle
        .createQuery(
            """
            SELECT s.customer_id, c.name, MIN(s.started_at) FROM customer_spells s
            JOIN customers c ON c.id = s.customer_id
            WHERE s.workspace_id = :ws AND s.started_at >= :from AND s.started_at < :to
              AND s.won_back = :wonBack
            GROUP BY s.customer_id, c.name ORDER BY MIN(s.started_at), c.name
            """)
        .bind("ws", query.workspace().value())
        .bind("from", from)
        .bind("to", to)
        .bind("wonBack", wonBack)
        .map(
            (rs, ctx) ->
                new CustomerMoment(
                    rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), false))
        .list();
  }

  /** The customers at risk now: their window runs out within 60 days, soonest first. */
  public List<CustomerMoment> atRisk(FigureQuery query) {
    return jdbi.withHandle(handle -> atRisk(handle, query));
  }

  /** Every spell that ended in the query's period, up to now, by date: the period's churns. */
  public List<CustomerMoment> spellEnds(FigureQuery query) {
    long[] bounds = bounds(query, query.period());
    return jdbi.withHandle(handle -> spellEnds(handle, query, bounds[0], bounds[1]));
  }

  private static List<CustomerMoment> spellEnds(
      Handle handle, FigureQuery query, long from, long to) {
    return ends(handle, query, "s.ended_at >= :from AND s.ended_at < :to", from, to);
  }

  private static List<CustomerMoment> atRisk(Handle handle, FigureQuery query) {
    long now = query.now().toEpochMilli();
    return ends(
        handle,
        query,
        "s.silent = 1 AND s.ended_at > :from AND s.ended_at <= :to",
        now,
        now + AT_RISK.toMillis());
  }

  /** Spell ends that meet a condition on {@code s}, {@code :from} and {@code :to}, by date. */
  private static List<CustomerMoment> ends(
      Handle handle, FigureQuery query, String condition, long from, long to) {
    return handle
        .createQuery(
            "SELECT s.customer_id, c.name, s.ended_at, s.silent FROM customer_spells s"
                + " JOIN customers c ON c.id = s.customer_id"
                + " WHERE s.workspace_id = :ws AND "
                + condition
                + " ORDER BY s.ended_at, c.name")
        .bind("ws", query.workspace().value())
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
