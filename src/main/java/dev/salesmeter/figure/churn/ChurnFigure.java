package dev.salesmeter.figure.churn;

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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Churn (KPIS.md figure 6). A customer is active from a sale until a churn: an explicit churn
 * event, or silently when the inactivity window after the last sale runs out — whichever comes
 * first, once per spell; a sale after a churn starts a new spell (won back). For a period: the
 * customers active at its start, those of them whose spell ended in it (the rate), the new and the
 * won-back customers, and — now — the customers at risk, whose window runs out within 60 days. The
 * spells are read from {@code customer_spells}, which the database keeps from the live sales and
 * churns (migration V2); the window is whole days of 24 hours.
 */
public final class ChurnFigure implements Figure<WordedResult> {
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
  public List<String> names() {
    return List.of("churn", "verloop", "opzeggingen");
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
    String title = FigureText.title(messages, "figure.churn", query.rep(), periodWords);
    if (query.rep().isPresent()) {
      // A customer belongs to the team, not to one rep: churn is counted for the team only.
      return new FigureAnswer(title, messages.get("figure.churn.teamOnly"), List.of());
    }
    return jdbi.withHandle(
        handle -> {
          Spells now = spells(handle, query, query.period());
          if (now.rate().activeAtStart() == 0 && now.fresh().total() == 0) {
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
          lines.add(
              messages.get(
                  "figure.churn.new",
                  now.fresh().total(),
                  names(formats, now.fresh(), zone, false),
                  now.wonBack().total(),
                  names(formats, now.wonBack(), zone, false)));
          if (now.newAndGone().total() > 0) {
            lines.add(
                messages.get(
                    "figure.churn.newAndGone", names(formats, now.newAndGone(), zone, true)));
          }
          String change =
              before.activeAtStart() == 0
                  ? messages.get("figure.nothingBefore")
                  : FigureText.points(formats, now.rate().percent().subtract(before.percent()));
          lines.add(
              messages.get(
                  "figure.churn.compare", formats.periodShort(query.period().previous()), change));
          Few atRisk = atRisk(handle, query, NAMES_SHOWN);
          lines.add(
              switch ((int) Math.min(atRisk.total(), 2)) {
                case 0 -> messages.get("figure.churn.noRisk");
                case 1 ->
                    messages.get("figure.churn.atRiskOne", names(formats, atRisk, zone, true));
                default ->
                    messages.get(
                        "figure.churn.atRisk", atRisk.total(), names(formats, atRisk, zone, true));
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
                      messages.get("figure.field.atRisk"), Long.toString(atRisk.total())));
          return new FigureAnswer(title, String.join("\n", lines), fields)
              .withChart(
                  () ->
                      ChurnChart.draw(
                          formats, title, query.period(), jdbi.withHandle(h -> months(h, query))));
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
   * The months the chart shows: those of a year asked for, else the twelve that end with the month
   * the period ends in.
   */
  private static List<ChurnChart.Month> months(Handle handle, FigureQuery query) {
    Period period = query.period();
    LocalDate last = period.end().withDayOfMonth(1);
    LocalDate first = period.unit() == Period.Unit.YEAR ? period.start() : last.minusMonths(11);
    LocalDate today = LocalDate.ofInstant(query.now(), query.settings().zone());
    List<ChurnChart.Month> months = new ArrayList<>();
    for (LocalDate month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      if (month.isAfter(today)) {
        break;
      }
      Period one = Period.month(month.getYear(), month.getMonthValue());
      long[] bounds = bounds(query, one);
      long fresh =
          handle
              .createQuery(
                  "SELECT COUNT(*) FROM customer_spells WHERE workspace_id = :ws AND won_back = 0"
                      + " AND started_at >= :from AND started_at < :to")
              .bind("ws", query.workspace().value())
              .bind("from", bounds[0])
              .bind("to", bounds[1])
              .mapTo(Long.class)
              .one();
      months.add(new ChurnChart.Month(one, rate(handle, query, one), fresh));
    }
    return months;
  }

  /** The first few customers of a list (by date), and how many the list holds. */
  record Few(List<CustomerMoment> first, long total) {}

  /**
   * A period's churn rate; the customers who left (of those active at its start), the new and the
   * won-back customers, and the new ones who left within the period.
   */
  record Spells(Rate rate, Few churned, Few fresh, Few wonBack, Few newAndGone) {}

  private static Spells spells(Handle handle, FigureQuery query, Period period) {
    long[] bounds = bounds(query, period);
    long from = bounds[0];
    long to = bounds[1];
    String endsInPeriod = "s.ended_at >= :from AND s.ended_at < :to";
    return new Spells(
        rate(handle, query, period),
        ends(handle, query, endsInPeriod + " AND " + ACTIVE_AT_START, from, to, NAMES_SHOWN),
        spellStarts(handle, query, from, to, 0),
        spellStarts(handle, query, from, to, 1),
        ends(
            handle,
            query,
            endsInPeriod + " AND s.won_back = 0 AND s.started_at >= :from",
            from,
            to,
            NAMES_SHOWN));
  }

  /** Customers whose first spell in [from, to) started new (0) or won back (1), by date. */
  private static Few spellStarts(
      Handle handle, FigureQuery query, long from, long to, int wonBack) {
    return few(
        handle
            .createQuery(
                """
                SELECT s.customer_id, c.name, MIN(s.started_at), 0, COUNT(*) OVER () AS total
                FROM customer_spells s JOIN customers c ON c.id = s.customer_id
                WHERE s.workspace_id = :ws AND s.started_at >= :from AND s.started_at < :to
                  AND s.won_back = :wonBack
                GROUP BY s.customer_id, c.name ORDER BY MIN(s.started_at), c.name
                LIMIT :shown
                """)
            .bind("ws", query.workspace().value())
            .bind("from", from)
            .bind("to", to)
            .bind("wonBack", wonBack)
            .bind("shown", NAMES_SHOWN));
  }

  /** The customers at risk now: their window runs out within 60 days, soonest first. */
  public List<CustomerMoment> atRisk(FigureQuery query) {
    return jdbi.withHandle(handle -> atRisk(handle, query, Integer.MAX_VALUE).first());
  }

  /** Every spell that ended in the query's period, up to now, by date: the period's churns. */
  public List<CustomerMoment> spellEnds(FigureQuery query) {
    long[] bounds = bounds(query, query.period());
    return jdbi.withHandle(
        handle ->
            ends(
                    handle,
                    query,
                    "s.ended_at >= :from AND s.ended_at < :to",
                    bounds[0],
                    bounds[1],
                    Integer.MAX_VALUE)
                .first());
  }

  private static Few atRisk(Handle handle, FigureQuery query, int shown) {
    long now = query.now().toEpochMilli();
    return ends(
        handle,
        query,
        "s.silent = 1 AND s.ended_at > :from AND s.ended_at <= :to",
        now,
        now + AT_RISK.toMillis(),
        shown);
  }

  /**
   * The first {@code shown} spell ends, by date, that meet a condition on {@code s}, {@code :from}
   * and {@code :to}, and how many there are.
   */
  private static Few ends(
      Handle handle, FigureQuery query, String condition, long from, long to, int shown) {
    return few(
        handle
            .createQuery(
                "SELECT s.customer_id, c.name, s.ended_at, s.silent, COUNT(*) OVER () AS total"
                    + " FROM customer_spells s JOIN customers c ON c.id = s.customer_id"
                    + " WHERE s.workspace_id = :ws AND "
                    + condition
                    + " ORDER BY s.ended_at, c.name LIMIT :shown")
            .bind("ws", query.workspace().value())
            .bind("from", from)
            .bind("to", to)
            .bind("shown", shown));
  }

  /** Reads rows of customer id, name, moment, silent and the list's total. */
  private static Few few(Query rows) {
    record Row(CustomerMoment moment, long total) {}
    List<Row> read =
        rows.map(
                (rs, ctx) ->
                    new Row(
                        new CustomerMoment(
                            rs.getLong(1),
                            rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getInt(4) == 1),
                        rs.getLong(5)))
            .list();
    return new Few(
        read.stream().map(Row::moment).toList(), read.isEmpty() ? 0 : read.get(0).total());
  }

  /** "Acme (4 Mar), Beta (silently, 12 Mar)", the first few, and how many more. */
  private static String names(Formats formats, Few named, ZoneId zone, boolean dated) {
    if (named.total() == 0) {
      return "—";
    }
    Messages messages = formats.messages();
    List<String> shown =
        named.first().stream()
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
            .toList();
    return FigureText.firstOf(messages, shown, named.total());
  }
}
