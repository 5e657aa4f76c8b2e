package dev.salesmeter.figure.churn;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.DrillCells;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Drilldown.Column;
import dev.salesmeter.figure.Drilldown.Kind;
import dev.salesmeter.figure.Drilldown.Row;
import dev.salesmeter.figure.Drilldown.Table;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.Share;
import dev.salesmeter.figure.churn.ChurnResult.Month;
import dev.salesmeter.store.Database;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Churn (KPIS.md figure 6). A customer is active from a sale until a churn: an explicit churn
 * event, or silently at the start of the day the inactivity window runs out (calendar days in the
 * workspace's zone after the last sale's local date) — whichever comes first, once per spell; a
 * sale after a churn starts a new spell (won back). For a period: the customers active at its
 * start, those of them whose spell ended in it (the rate), the new and the won-back customers, and
 * — now — the customers at risk, whose window runs out within 60 days. The spells are read from
 * {@code customer_spells}, which the database keeps from the live sales and churns (migration V7).
 *
 * <p>Per rep, a customer belongs to the rep of their latest live sale before the instant in
 * question (the account owner): at the period's start for the active and churned customers, the
 * sale that starts the spell for the new and won-back ones, now for the ones at risk.
 */
public final class ChurnFigure implements Figure<ChurnResult> {
  private static final int AT_RISK_DAYS = 60;

  /**
   * A moment in a customer's spell: its first sale, or its end (explicit, or silent when the
   * inactivity window ran or will run out, at the start of that local day).
   *
   * @param day the moment's local day in the workspace's zone
   */
  public record CustomerMoment(
      long customer, String name, Instant at, boolean silent, LocalDate day) {}

  /**
   * The churn of a period: customers active at its start and how many of them left in it (KPIS.md
   * figure 6), for figures built on it such as lifetime value.
   */
  public record Rate(long activeAtStart, long churned) {
    /** The share of the active customers who left; a share of nothing when nobody was active. */
    public Share share() {
      return new Share(churned, activeAtStart);
    }

    /** The churn rate in percent, unrounded; 0 when nobody was active. */
    public BigDecimal percent() {
      return share().percentOrZero();
    }
  }

  private final Jdbi jdbi;

  public ChurnFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<String> names() {
    return List.of("churn", "verloop", "opzeggingen");
  }

  @Override
  public ChurnResult compute(FigureQuery query) {
    Period period = query.period();
    return jdbi.withHandle(
        handle ->
            new ChurnResult(
                period,
                query.rep(),
                rate(handle, query, period),
                rate(handle, query, period.previous()),
                moments(handle, query, period, CHURNED),
                moments(handle, query, period, STARTED_NEW),
                moments(handle, query, period, STARTED_WON_BACK),
                moments(handle, query, period, NEW_AND_GONE),
                moments(handle, query, period, AT_RISK),
                months(handle, query)));
  }

  @Override
  public FigureAnswer render(ChurnResult result, Formats formats) {
    return ChurnText.answer(result, formats);
  }

  /** The churn rate's parts for a period, for the query's team or rep. */
  public Rate rate(FigureQuery query, Period period) {
    return jdbi.withHandle(handle -> rate(handle, query, period));
  }

  /** The customers at risk now: their window runs out within 60 days, soonest first. */
  public List<CustomerMoment> atRisk(FigureQuery query) {
    return jdbi.withHandle(handle -> moments(handle, query, query.period(), AT_RISK));
  }

  /** Every spell that ended in the query's period, up to now, by date: the period's churns. */
  public List<CustomerMoment> spellEnds(FigureQuery query) {
    return jdbi.withHandle(handle -> moments(handle, query, query.period(), ENDED));
  }

  /*
   * The conditions on a spell s. A silent end falls at the start of ended_day; an explicit churn at
   * ended_at, on ended_day. Periods are whole local days: :from is the start of :firstDay.
   */

  /**
   * Active at :from: started before it and not ended before it. An end on :firstDay (a churn, or a
   * window that runs out at the very start of that day) is the period's churn, so its customer was
   * active at the start.
   */
  private static final String ACTIVE_AT_START = "s.started_at < :from AND s.ended_day >= :firstDay";

  /** Ended within the period, up to now: a silent end once its day has begun. */
  private static final String ENDED_IN_PERIOD =
      "s.ended_day >= :firstDay AND s.ended_day <= :lastDay"
          + " AND (CASE WHEN s.silent = 1 THEN s.ended_day <= :today ELSE s.ended_at < :now END)";

  /** The rep of the customer's latest live sale before an instant (the account owner then). */
  private static String ownerBefore(String instant) {
    return "(SELECT f.rep_id FROM sale_facts f WHERE f.customer_id = s.customer_id"
        + " AND f.occurred_at < "
        + instant
        + " ORDER BY f.occurred_at DESC, f.event_id DESC LIMIT 1)";
  }

  /** The rep of the sale that started the spell. */
  private static final String STARTER =
      "(SELECT f.rep_id FROM sale_facts f WHERE f.event_id = s.start_id)";

  /** A list of spell moments: which spells, whose they are per rep, and which moment is listed. */
  private record Moments(String condition, String owner, boolean atEnd) {}

  private static final Moments CHURNED =
      new Moments(ENDED_IN_PERIOD + " AND " + ACTIVE_AT_START, ownerBefore(":from"), true);

  /** Started within the period: a new customer, or one won back. */
  private static final String STARTED_IN_PERIOD = "s.started_at >= :from AND s.started_at < :to";

  private static final Moments STARTED_NEW =
      new Moments("s.won_back = 0 AND " + STARTED_IN_PERIOD, STARTER, false);
  private static final Moments STARTED_WON_BACK =
      new Moments("s.won_back = 1 AND " + STARTED_IN_PERIOD, STARTER, false);
  private static final Moments NEW_AND_GONE =
      new Moments(ENDED_IN_PERIOD + " AND s.won_back = 0 AND s.started_at >= :from", STARTER, true);
  private static final Moments AT_RISK =
      new Moments(
          "s.silent = 1 AND s.ended_day > :today AND s.ended_day <= :riskDay",
          ownerBefore(":now"),
          true);

  /**
   * Every spell that ended in the period: its owner at the start, or its starter if it began in it.
   */
  private static final Moments ENDED =
      new Moments(
          ENDED_IN_PERIOD,
          "(CASE WHEN s.started_at < :from THEN "
              + ownerBefore(":from")
              + " ELSE "
              + STARTER
              + " END)",
          true);

  private static final List<Column> SPELL_COLUMNS =
      List.of(
          new Column("customer", Kind.TEXT),
          new Column("owner", Kind.TEXT),
          new Column("start", Kind.DATE),
          new Column("end", Kind.DATE),
          new Column("silent", Kind.BOOLEAN),
          new Column("wonback", Kind.BOOLEAN),
          new Column("active", Kind.BOOLEAN),
          new Column("churned", Kind.BOOLEAN));

  /**
   * A spell {@code s} as a row: its customer, the account owner that counts ({@code %1$s}, a rep
   * id), the local days it started and ends (or will end, when the window runs out), and whether it
   * counts as active at the period's start ({@code %2$s}) and as churned in the period ({@code
   * %3$s}).
   */
  private static final String SPELL_ROW =
      "SELECT c.name AS customer, (SELECT o.display_name FROM reps o WHERE o.id = %1$s) AS owner,"
          + " (SELECT f.day FROM sale_facts f WHERE f.event_id = s.start_id) AS start,"
          + " s.ended_day, s.silent, s.won_back, %2$s AS active, %3$s AS churned"
          + " FROM customer_spells s JOIN customers c ON c.id = s.customer_id"
          + " WHERE s.workspace_id = :ws AND ";

  /**
   * The spells that count in the period: those active at its start (the rate's customers, by their
   * owner at the start, with whether they churned in it), then those that began in it (new or won
   * back, by the rep of the sale that began them; not in the rate, even where they ended in the
   * period). Enough to recompute the rate: churned rows over active ones.
   */
  @Override
  public Drilldown drill(FigureQuery query) {
    Map<String, Object> parameters = parameters(query, query.period());
    String activeOwner = ownerBefore(":from");
    String sql =
        SPELL_ROW.formatted(activeOwner, "1", "CASE WHEN " + ENDED_IN_PERIOD + " THEN 1 ELSE 0 END")
            + ACTIVE_AT_START
            + " AND (CAST(:rep AS BIGINT) IS NULL OR "
            + activeOwner
            + " = :rep)"
            + " UNION ALL "
            + SPELL_ROW.formatted(STARTER, "0", "0")
            + STARTED_IN_PERIOD
            + " AND (CAST(:rep AS BIGINT) IS NULL OR "
            + STARTER
            + " = :rep)"
            + " ORDER BY 3, 1";
    return new Drilldown(
        List.of(
            new Table("spells", SPELL_COLUMNS, jdbi.withHandle(h -> spells(h, sql, parameters)))));
  }

  /**
   * The customers of a period's rate who churned in it (the rate's numerator), for the team or by
   * their owner at its start, as a table {@code churned}: for figures built on the rate, such as
   * lifetime value.
   */
  public Table churned(FigureQuery query, Period period) {
    String owner = ownerBefore(":from");
    String sql =
        SPELL_ROW.formatted(owner, "1", "1")
            + CHURNED.condition()
            + " AND (CAST(:rep AS BIGINT) IS NULL OR "
            + CHURNED.owner()
            + " = :rep) ORDER BY 4, 1";
    List<Row> rows = jdbi.withHandle(h -> spells(h, sql, parameters(query, period)));
    return new Table("churned", SPELL_COLUMNS, rows);
  }

  private static List<Row> spells(Handle handle, String sql, Map<String, Object> parameters) {
    return handle
        .createQuery(sql)
        .bindMap(parameters)
        .map(
            (rs, ctx) ->
                new Row(
                    Arrays.asList(
                        rs.getString("customer"),
                        rs.getString("owner"),
                        DrillCells.date(rs, "start"),
                        DrillCells.date(rs, "ended_day"),
                        rs.getInt("silent") == 1,
                        rs.getInt("won_back") == 1,
                        rs.getInt("active") == 1,
                        rs.getInt("churned") == 1),
                    false))
        .list();
  }

  private static Rate rate(Handle handle, FigureQuery query, Period period) {
    String owner = "(CAST(:rep AS BIGINT) IS NULL OR " + ownerBefore(":from") + " = :rep)";
    return handle
        .createQuery(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN "
                + ENDED_IN_PERIOD
                + " THEN 1 ELSE 0 END), 0) FROM customer_spells s WHERE s.workspace_id = :ws AND "
                + ACTIVE_AT_START
                + " AND "
                + owner)
        .bindMap(parameters(query, period))
        .map((rs, ctx) -> new Rate(rs.getLong(1), rs.getLong(2)))
        .one();
  }

  /** The named moments of the spells that meet a condition, by date, then name. */
  private static List<CustomerMoment> moments(
      Handle handle, FigureQuery query, Period period, Moments which) {
    ZoneId zone = query.settings().zone();
    String moment =
        which.atEnd()
            ? "s.ended_day, s.ended_at, s.silent"
            : "(SELECT f.day FROM sale_facts f WHERE f.event_id = s.start_id), s.started_at, 0";
    return handle
        .createQuery(
            "SELECT s.customer_id, c.name, "
                + moment
                + " FROM customer_spells s JOIN customers c ON c.id = s.customer_id"
                + " WHERE s.workspace_id = :ws AND "
                + which.condition()
                + " AND (CAST(:rep AS BIGINT) IS NULL OR "
                + which.owner()
                + " = :rep)"
                + " ORDER BY 3, 4, c.name")
        .bindMap(parameters(query, period))
        .map(
            (rs, ctx) -> {
              LocalDate day = LocalDate.parse(rs.getString(3));
              long at = rs.getLong(4);
              boolean silent = rs.getInt(5) == 1;
              return new CustomerMoment(
                  rs.getLong(1),
                  rs.getString(2),
                  silent ? day.atStartOfDay(zone).toInstant() : Instant.ofEpochMilli(at),
                  silent,
                  day);
            })
        .list();
  }

  /**
   * The parameters of the conditions above: the period's bounds ({@code :from}, {@code :to}, {@code
   * :firstDay}, {@code :lastDay}), now ({@code :now}, {@code :today}), the last day at risk ({@code
   * :riskDay}) and the rep.
   */
  private static Map<String, Object> parameters(FigureQuery query, Period period) {
    Map<String, Object> parameters = new HashMap<>(query.span(period));
    LocalDate today = LocalDate.ofInstant(query.now(), query.settings().zone());
    parameters.put("now", query.now().toEpochMilli());
    parameters.put("today", today.toString());
    parameters.put("riskDay", today.plusDays(AT_RISK_DAYS).toString());
    return parameters;
  }

  /**
   * The months the chart shows: those of a year asked for, else the twelve that end with the month
   * the period ends in, or today's if that is earlier; none after today.
   */
  private static List<Month> months(Handle handle, FigureQuery query) {
    Period period = query.period();
    LocalDate today = LocalDate.ofInstant(query.now(), query.settings().zone());
    LocalDate last = (period.end().isAfter(today) ? today : period.end()).withDayOfMonth(1);
    LocalDate first = period.unit() == Period.Unit.YEAR ? period.start() : last.minusMonths(11);
    List<Period> months = new ArrayList<>();
    for (LocalDate month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      months.add(Period.month(month.getYear(), month.getMonthValue()));
    }
    if (months.isEmpty()) {
      return List.of();
    }
    // One statement for all the months: each month's bounds are a row of "spans", and the
    // conditions above are read against that row instead of the period's parameters.
    Map<String, Object> parameters = parameters(query, period);
    String with = query.withSpans(months, parameters);
    if (query.rep().isEmpty()) {
      return teamMonths(handle, months, parameters, with);
    }
    String owner = "(CAST(:rep AS BIGINT) IS NULL OR " + ownerBefore(":from") + " = :rep)";
    String starter = "(CAST(:rep AS BIGINT) IS NULL OR " + STARTER + " = :rep)";
    String select =
        (" SELECT sp.i,"
                + " SUM(CASE WHEN ACTIVE AND OWNER THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN ACTIVE AND ENDED AND OWNER THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.won_back = 0 AND s.started_at >= :from AND STARTER"
                + " THEN 1 ELSE 0 END)"
                + " FROM spans sp JOIN customer_spells s ON s.workspace_id = :ws"
                + " AND s.started_at < :to AND s.ended_day >= :firstDay"
                + " GROUP BY sp.i")
            .replace("ACTIVE", ACTIVE_AT_START)
            .replace("ENDED", ENDED_IN_PERIOD)
            .replace("OWNER", owner)
            .replace("STARTER", starter)
            .replace(":from", "sp.span_from")
            .replaceAll(":to\\b", "sp.span_to")
            .replace(":firstDay", "sp.first_day")
            .replace(":lastDay", "sp.last_day");
    String sql = with + select;
    Map<Integer, long[]> counts =
        handle
            .createQuery(sql)
            .bindMap(parameters)
            .map(
                (rs, ctx) ->
                    Map.entry(
                        rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}))
            .collectToMap(Map.Entry::getKey, Map.Entry::getValue);
    List<Month> result = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      long[] count = counts.getOrDefault(i, new long[3]);
      result.add(new Month(months.get(i), new Rate(count[0], count[1]), count[2]));
    }
    return result;
  }

  /**
   * The team's months, counted along the index instead of per month over every spell: active at a
   * month's start is active at the one before's, plus the spells started in that month, less those
   * whose end day fell in it (an end day is known for every spell, silent ends ahead included).
   */
  private static List<Month> teamMonths(
      Handle handle, List<Period> months, Map<String, Object> parameters, String with) {
    long active =
        handle
            .createQuery(
                "SELECT (SELECT COUNT(*) FROM customer_spells s"
                    + " WHERE s.workspace_id = :ws AND s.started_at < :from0)"
                    + " - (SELECT COUNT(*) FROM customer_spells s"
                    + " WHERE s.workspace_id = :ws AND s.ended_day < :firstDay0)")
            .bindMap(parameters)
            .mapTo(Long.class)
            .one();
    String ended =
        ENDED_IN_PERIOD.replace(":firstDay", "sp.first_day").replace(":lastDay", "sp.last_day");
    Map<Integer, long[]> counts =
        handle
            .createQuery(
                with
                    + "SELECT sp.i,"
                    + " (SELECT COUNT(*) FROM customer_spells s WHERE s.workspace_id = :ws"
                    + " AND s.started_at >= sp.span_from AND s.started_at < sp.span_to),"
                    + " (SELECT COUNT(*) FROM customer_spells s WHERE s.workspace_id = :ws"
                    + " AND s.won_back = 0"
                    + " AND s.started_at >= sp.span_from AND s.started_at < sp.span_to),"
                    + " (SELECT COUNT(*) FROM customer_spells s WHERE s.workspace_id = :ws"
                    + " AND s.ended_day >= sp.first_day AND s.ended_day <= sp.last_day),"
                    + " (SELECT COUNT(*) FROM customer_spells s WHERE s.workspace_id = :ws AND "
                    + ended
                    + " AND s.started_at < sp.span_from)"
                    + " FROM spans sp")
            .bindMap(parameters)
            .map(
                (rs, ctx) ->
                    Map.entry(
                        rs.getInt(1),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}))
            .collectToMap(Map.Entry::getKey, Map.Entry::getValue);
    List<Month> result = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      long[] count = counts.get(i);
      result.add(new Month(months.get(i), new Rate(active, count[3]), count[1]));
      active += count[0] - count[2];
    }
    return result;
  }
}
