package dev.salesmeter.figure.quotes;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.FigureText;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.Rep;
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
 * Quote win rate: the opportunities whose first live quote was sent in the period, valued at their
 * latest quote (a revised quote replaces the earlier one), won, lost or still open; the win rate by
 * count and by value. And the stale quotes, now: open quoted opportunities whose latest quote or
 * follow-up is older than the workspace's stale-quote days, per rep, oldest first. Each
 * opportunity's quotes and outcome are read from {@code opportunity_facts}.
 */
public final class QuotesFigure implements Figure {
  private static final int SHOWN_PER_REP = 3;

  /** A cohort of quoted opportunities. */
  record Cohort(long quoted, long won, long lost, long value, long wonValue) {}

  /** An open quote nobody chased since {@code lastTouch}, worth its latest quote. */
  public record StaleQuote(String rep, String customer, Money value, Instant lastTouch) {}

  private final Jdbi jdbi;

  public QuotesFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public String name() {
    return "quotes";
  }

  @Override
  public String dutchName() {
    return "offertes";
  }

  @Override
  public List<String> names() {
    return List.of("quotes", "offertes", "winrate", "quote");
  }

  @Override
  public FigureAnswer answer(FigureQuery query) {
    Formats formats = Formats.of(query.settings());
    Messages messages = formats.messages();
    String periodWords = formats.period(query.period());
    String title = FigureText.title(messages, "figure.quotes", query, periodWords);
    return jdbi.withHandle(
        handle -> {
          Cohort now = cohort(handle, query, query.period());
          Cohort before = cohort(handle, query, query.period().previous());
          List<String> lines = new ArrayList<>();
          List<FigureAnswer.Field> fields = new ArrayList<>();
          if (now.quoted() == 0) {
            lines.add(messages.get("figure.quotes.none", periodWords));
          } else {
            BigDecimal byCount = FigureText.percent(now.won(), now.quoted());
            BigDecimal byValue = FigureText.percent(now.wonValue(), now.value());
            lines.add(
                messages.get(
                    "figure.quotes.cohort",
                    now.quoted(),
                    periodWords,
                    now.won(),
                    now.lost(),
                    now.quoted() - now.won() - now.lost()));
            lines.add(
                messages.get(
                    "figure.quotes.winRate",
                    formats.percent(byCount),
                    formats.percent(byValue),
                    formats.money(Money.ofCents(now.wonValue())),
                    formats.money(Money.ofCents(now.value()))));
            String change =
                before.quoted() == 0
                    ? messages.get("figure.nothingBefore")
                    : FigureText.points(
                        formats,
                        byCount.subtract(FigureText.percent(before.won(), before.quoted())));
            lines.add(
                messages.get(
                    "figure.quotes.compare",
                    formats.periodName(query.period().previous()),
                    change));
            fields.add(
                new FigureAnswer.Field(
                    messages.get("figure.field.quoted"), Long.toString(now.quoted())));
            fields.add(
                new FigureAnswer.Field(
                    messages.get("figure.field.winRate"), formats.percent(byCount)));
            fields.add(
                new FigureAnswer.Field(
                    messages.get("figure.field.winRateValue"), formats.percent(byValue)));
          }
          lines.add(stale(handle, query, formats));
          return new FigureAnswer(title, String.join("\n", lines), fields);
        });
  }

  /** The stale quotes now, of the query's rep or the team, by rep and then oldest first. */
  public List<StaleQuote> staleQuotes(FigureQuery query) {
    return jdbi.withHandle(handle -> staleQuotes(handle, query));
  }

  private static List<StaleQuote> staleQuotes(Handle handle, FigureQuery query) {
    Instant before = query.now().minus(Duration.ofDays(query.settings().staleQuoteDays()));
    return handle
        .createQuery(
            """
            SELECT r.display_name AS rep, c.name AS customer, f.quote_cents AS value,
                   f.last_touch_at AS last_touch
            FROM opportunity_facts f
            JOIN customers c ON c.id = f.customer_id JOIN reps r ON r.id = f.rep_id
            WHERE f.workspace_id = :ws AND f.first_quote_at IS NOT NULL
              AND f.won_at IS NULL AND f.lost_at IS NULL AND f.last_touch_at < :before
              AND (:rep IS NULL OR f.rep_id = :rep)
            ORDER BY r.display_name, f.last_touch_at
            """)
        .bind("ws", query.workspace().value())
        .bind("rep", query.rep().map(Rep::id).orElse(null))
        .bind("before", before.toEpochMilli())
        .map(
            (rs, ctx) ->
                new StaleQuote(
                    rs.getString("rep"),
                    rs.getString("customer"),
                    Money.ofCents(rs.getLong("value")),
                    Instant.ofEpochMilli(rs.getLong("last_touch"))))
        .list();
  }

  private static String stale(Handle handle, FigureQuery query, Formats formats) {
    Messages messages = formats.messages();
    int days = query.settings().staleQuoteDays();
    List<StaleQuote> stale = staleQuotes(handle, query);
    if (stale.isEmpty()) {
      return messages.get("figure.quotes.noStale", days);
    }
    ZoneId zone = query.settings().zone();
    Map<String, List<StaleQuote>> byRep = new LinkedHashMap<>();
    stale.forEach(q -> byRep.computeIfAbsent(q.rep(), r -> new ArrayList<>()).add(q));
    // A chat reply must stay readable: per rep the oldest few, and how many more there are.
    String list =
        byRep.entrySet().stream()
            .map(
                entry -> {
                  List<StaleQuote> quotes = entry.getValue();
                  String shown =
                      quotes.stream()
                          .limit(SHOWN_PER_REP)
                          .map(
                              q ->
                                  messages.get(
                                      "figure.quotes.staleOne",
                                      q.customer(),
                                      formats.money(q.value()),
                                      formats.date(LocalDate.ofInstant(q.lastTouch(), zone))))
                          .collect(Collectors.joining(", "));
                  int more = quotes.size() - SHOWN_PER_REP;
                  return entry.getKey()
                      + ": "
                      + shown
                      + (more > 0 ? " " + messages.get("figure.quotes.staleMore", more) : "");
                })
            .collect(Collectors.joining("; "));
    return messages.get("figure.quotes.stale", days, list);
  }

  private static Cohort cohort(Handle handle, FigureQuery query, Period period) {
    return handle
        .createQuery(
            """
            SELECT COUNT(*) AS quoted, COUNT(won_at) AS won,
                   COALESCE(SUM(CASE WHEN won_at IS NULL AND lost_at IS NOT NULL
                                THEN 1 ELSE 0 END), 0) AS lost,
                   COALESCE(SUM(quote_cents), 0) AS value,
                   COALESCE(SUM(CASE WHEN won_at IS NOT NULL THEN quote_cents ELSE 0 END), 0)
                     AS won_value
            FROM opportunity_facts
            WHERE workspace_id = :ws AND first_quote_at >= :from AND first_quote_at < :to
              AND (:rep IS NULL OR rep_id = :rep)
            """)
        .bindMap(query.span(period))
        .map(
            (rs, ctx) ->
                new Cohort(
                    rs.getLong("quoted"),
                    rs.getLong("won"),
                    rs.getLong("lost"),
                    rs.getLong("value"),
                    rs.getLong("won_value")))
        .one();
  }
}
