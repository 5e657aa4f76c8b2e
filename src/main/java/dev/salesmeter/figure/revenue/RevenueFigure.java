package dev.salesmeter.figure.revenue;

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
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Revenue in a period against the target set for exactly that period (team or one rep), the pace
 * while the period runs (the target pro rata by days), and the change against the period before.
 * Sales count by their rep; voided sales do not count.
 */
public final class RevenueFigure implements Figure<WordedResult> {
  private static final int REPS_SHOWN = 5;

  private final Jdbi jdbi;

  public RevenueFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<String> names() {
    return List.of("revenue", "omzet", "sales", "target", "doel");
  }

  /** Revenue and number of sales in a span of instants. */
  record Totals(Money revenue, long sales) {}

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
    ZoneId zone = query.settings().zone();
    Period period = query.period();
    return jdbi.withHandle(
        handle -> {
          Totals now = totals(handle, query, period);
          Totals before = totals(handle, query, period.previous());
          Optional<Money> target = target(handle, query);
          String periodWords = formats.period(period);
          String title = FigureText.title(messages, "figure.revenue", query.rep(), periodWords);
          if (now.sales() == 0 && before.sales() == 0 && target.isEmpty()) {
            return new FigureAnswer(
                title, messages.get("figure.revenue.none", periodWords), List.of());
          }
          List<String> lines = new ArrayList<>();
          lines.add(
              now.sales() == 1
                  ? messages.get("figure.revenue.totalOne", formats.money(now.revenue()))
                  : messages.get(
                      "figure.revenue.total", formats.money(now.revenue()), now.sales()));
          List<FigureAnswer.Field> fields = new ArrayList<>();
          fields.add(field(messages, "revenue", formats.money(now.revenue())));
          fields.add(field(messages, "sales", Long.toString(now.sales())));
          if (target.isPresent()) {
            String attained =
                formats.percent(FigureText.percent(now.revenue().cents(), target.get().cents()));
            lines.add(messages.get("figure.revenue.target", formats.money(target.get()), attained));
            fields.add(field(messages, "target", formats.money(target.get())));
            fields.add(field(messages, "attained", attained));
            LocalDate today = LocalDate.ofInstant(query.now(), zone);
            if (period.contains(today)) {
              lines.add(pace(messages, formats, period, today, target.get(), now.revenue()));
            }
          } else {
            lines.add(messages.get("figure.revenue.noTarget"));
          }
          String change =
              FigureText.moneyChange(formats, now.revenue().cents(), before.revenue().cents());
          lines.add(
              messages.get(
                  "figure.revenue.compare", formats.periodShort(period.previous()), change));
          fields.add(field(messages, "change", change));
          if (query.rep().isEmpty() && now.sales() > 0) {
            lines.add(messages.get("figure.byRep", byRep(handle, query, formats)));
          }
          LocalDate today = LocalDate.ofInstant(query.now(), zone);
          LocalDate through = period.contains(today) ? today : period.end();
          FigureAnswer answer = new FigureAnswer(title, String.join("\n", lines), fields);
          return today.isBefore(period.start())
              ? answer
              : answer.withChart(
                  () ->
                      RevenueChart.draw(
                          query,
                          formats,
                          title,
                          jdbi.withHandle(h -> revenueByDay(h, query)),
                          target,
                          through));
        });
  }

  private static FigureAnswer.Field field(Messages messages, String name, String value) {
    return new FigureAnswer.Field(messages.get("figure.field." + name), value);
  }

  /** "€7,600 was due by today (day 20 of 31); €1,200 behind". */
  private static String pace(
      Messages messages,
      Formats formats,
      Period period,
      LocalDate today,
      Money target,
      Money revenue) {
    Money due = due(target, period, today);
    long difference = revenue.cents() - due.cents();
    String key = difference >= 0 ? "figure.revenue.ahead" : "figure.revenue.behind";
    return messages.get(
        key,
        formats.money(due),
        elapsedDays(period, today),
        period.lengthInDays(),
        formats.money(Money.ofCents(Math.abs(difference))));
  }

  private static long elapsedDays(Period period, LocalDate day) {
    return ChronoUnit.DAYS.between(period.start(), day) + 1;
  }

  /** The part of a target due by the end of a day of its period, pro rata by days. */
  private static Money due(Money target, Period period, LocalDate day) {
    return Money.ofCents(
        BigDecimal.valueOf(target.cents())
            .multiply(BigDecimal.valueOf(elapsedDays(period, day)))
            .divide(BigDecimal.valueOf(period.lengthInDays()), 0, RoundingMode.HALF_UP)
            .longValueExact());
  }

  /**
   * How a running target stood at the end of a day: the target whose period holds the day (the
   * shortest such period, and of equals the latest set), the revenue from its start through that
   * day, and the part of it that was due by then.
   */
  public record TargetProgress(Period period, Money target, Money revenue, Money due) {
    public long behindCents() {
      return due.cents() - revenue.cents();
    }
  }

  /** The target progress of the query's rep, or of the team, at the end of a day. */
  public Optional<TargetProgress> targetProgress(FigureQuery query, LocalDate day) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    SELECT e.amount_cents, t.period_start, t.period_end, t.period_unit
                    FROM targets t JOIN live_events e ON e.id = t.event_id
                    WHERE t.workspace_id = :ws AND t.rep_id IS :rep
                      AND t.period_start <= :day AND t.period_end >= :day
                    ORDER BY t.period_start DESC, t.period_end, t.event_id DESC
                    LIMIT 1
                    """)
                .bind("ws", query.workspace().value())
                .bind("rep", query.rep().map(Rep::id).orElse(null))
                .bind("day", day.toString())
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            new Period(
                                LocalDate.parse(rs.getString("period_start")),
                                LocalDate.parse(rs.getString("period_end")),
                                Period.Unit.valueOf(rs.getString("period_unit"))),
                            Money.ofCents(rs.getLong("amount_cents"))))
                .findOne()
                .map(
                    target -> {
                      Period period = target.getKey();
                      Period soFar = new Period(period.start(), day, Period.Unit.DAYS);
                      Money revenue = totals(handle, query, soFar).revenue();
                      return new TargetProgress(
                          period, target.getValue(), revenue, due(target.getValue(), period, day));
                    }));
  }

  private static Totals totals(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            """
            SELECT COALESCE(SUM(revenue_cents), 0) AS revenue, COALESCE(SUM(sales), 0) AS sales
            FROM sales_by_day
            WHERE workspace_id = :ws AND day >= :firstDay AND day <= :lastDay
              AND (:rep IS NULL OR rep_id = :rep)
            """)
        .bindMap(query.span(period))
        .map((rs, ctx) -> new Totals(Money.ofCents(rs.getLong("revenue")), rs.getLong("sales")))
        .one();
  }

  /** The latest live target set for exactly this period, for this rep or (empty) the team. */
  private static Optional<Money> target(Handle handle, FigureQuery query) {
    return handle
        .createQuery(
            """
            SELECT e.amount_cents FROM targets t JOIN live_events e ON e.id = t.event_id
            WHERE t.workspace_id = :ws AND t.period_start = :start AND t.period_end = :end
              AND t.rep_id IS :rep
            ORDER BY t.event_id DESC
            LIMIT 1
            """)
        .bind("ws", query.workspace().value())
        .bind("start", query.period().start().toString())
        .bind("end", query.period().end().toString())
        .bind("rep", query.rep().map(Rep::id).orElse(null))
        .mapTo(Long.class)
        .findOne()
        .map(Money::ofCents);
  }

  /** The revenue of each day of the period that had sales, in cents. */
  private static Map<LocalDate, Long> revenueByDay(Handle handle, FigureQuery query) {
    return handle
        .createQuery(
            """
            SELECT day, SUM(revenue_cents) FROM sales_by_day
            WHERE workspace_id = :ws AND day >= :firstDay AND day <= :lastDay
              AND (:rep IS NULL OR rep_id = :rep)
            GROUP BY day
            """)
        .bindMap(query.span(query.period()))
        .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getLong(2)))
        .collectToMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  /** "anna €5,000 · bram €4,000", best first, the first five reps. */
  private static String byRep(Handle handle, FigureQuery query, Formats formats) {
    return handle
        .createQuery(
            "SELECT r.display_name AS name, SUM(d.revenue_cents) AS revenue "
                + FigureQuery.SALES_BY_DAY
                + " GROUP BY r.id HAVING SUM(d.sales) > 0"
                + " ORDER BY revenue DESC, r.display_name LIMIT :limit")
        .bindMap(query.span(query.period()))
        .bind("limit", REPS_SHOWN)
        .map(
            (rs, ctx) ->
                rs.getString("name") + " " + formats.money(Money.ofCents(rs.getLong("revenue"))))
        .list()
        .stream()
        .collect(Collectors.joining(" · "));
  }
}
