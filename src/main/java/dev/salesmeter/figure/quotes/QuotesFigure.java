package dev.salesmeter.figure.quotes;

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
import dev.salesmeter.store.StaleQuotes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
public final class QuotesFigure implements Figure<WordedResult> {
  private static final int SHOWN_PER_REP = 3;

  /** A cohort of quoted opportunities: how many, won, lost, and their value in cents. */
  record Cohort(long quoted, long won, long lost, long value, long wonValue) {}

  /** An open quote nobody chased since {@code lastTouch}, worth its latest quote. */
  public record StaleQuote(String rep, String customer, Money value, Instant lastTouch) {}

  /** A rep's stale quotes: how many, and the oldest few (at most three). */
  public record RepStaleQuotes(String rep, long count, List<StaleQuote> oldest) {}

  private final Jdbi jdbi;

  public QuotesFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<String> names() {
    return List.of("quotes", "offertes", "winrate", "quote");
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
    String title = FigureText.title(messages, "figure.quotes", query.rep(), periodWords);
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
                    formats.periodShort(query.period().previous()),
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
          List<RepStaleQuotes> stale = staleQuotes(handle, query);
          lines.add(stale(query, formats, stale));
          FigureAnswer answer = new FigureAnswer(title, String.join("\n", lines), fields);
          return now.quoted() == 0 && stale.isEmpty()
              ? answer
              : answer.withChart(() -> QuotesChart.draw(formats, title, query, now, before, stale));
        });
  }

  /** The stale quotes now, of the query's rep or of each rep of the team, by rep name. */
  public List<RepStaleQuotes> staleQuotes(FigureQuery query) {
    return jdbi.withHandle(handle -> staleQuotes(handle, query));
  }

  private static List<RepStaleQuotes> staleQuotes(Handle handle, FigureQuery query) {
    Instant before = query.now().minus(Duration.ofDays(query.settings().staleQuoteDays()));
    String open = StaleQuotes.OPEN_AND_UNTOUCHED;
    // Per rep through opportunity_facts_open_quotes: the count, and the oldest few read first.
    List<StaleRow> rows =
        handle
            .createQuery(
                "WITH stale AS MATERIALIZED (SELECT r.id AS rep_id, r.display_name AS rep,"
                    + " (SELECT COUNT(*) FROM opportunity_facts f WHERE f.rep_id = r.id AND"
                    + open
                    + ") AS stale FROM reps r"
                    + " WHERE r.workspace_id = :ws AND (:rep IS NULL OR r.id = :rep))"
                    + " SELECT k.rep_id, k.rep, k.stale, c.name AS customer,"
                    + " o.quote_cents AS value, o.last_touch_at AS last_touch"
                    + " FROM stale k JOIN opportunity_facts o ON o.opportunity_id IN ("
                    + "SELECT f.opportunity_id FROM opportunity_facts f WHERE f.rep_id = k.rep_id"
                    + " AND"
                    + open
                    + " ORDER BY f.last_touch_at, f.opportunity_id LIMIT :shown)"
                    + " JOIN customers c ON c.id = o.customer_id"
                    + " WHERE k.stale > 0"
                    + " ORDER BY k.rep, k.rep_id, o.last_touch_at, o.opportunity_id")
            .bind("ws", query.workspace().value())
            .bind("rep", query.rep().map(Rep::id).orElse(null))
            .bind("before", before.toEpochMilli())
            .bind("shown", SHOWN_PER_REP)
            .map(
                (rs, ctx) ->
                    new StaleRow(
                        rs.getLong("rep_id"),
                        rs.getLong("stale"),
                        new StaleQuote(
                            rs.getString("rep"),
                            rs.getString("customer"),
                            Money.ofCents(rs.getLong("value")),
                            Instant.ofEpochMilli(rs.getLong("last_touch")))))
            .list();
    return rows.stream()
        .collect(Collectors.groupingBy(StaleRow::repId, LinkedHashMap::new, Collectors.toList()))
        .values()
        .stream()
        .map(
            ofRep ->
                new RepStaleQuotes(
                    ofRep.get(0).quote().rep(),
                    ofRep.get(0).count(),
                    ofRep.stream().map(StaleRow::quote).toList()))
        .toList();
  }

  /** One of a rep's oldest stale quotes, with how many stale quotes the rep has. */
  private record StaleRow(long repId, long count, StaleQuote quote) {}

  private static String stale(FigureQuery query, Formats formats, List<RepStaleQuotes> stale) {
    Messages messages = formats.messages();
    int days = query.settings().staleQuoteDays();
    if (stale.isEmpty()) {
      return messages.get("figure.quotes.noStale", days);
    }
    ZoneId zone = query.settings().zone();
    // A chat reply must stay readable: per rep the oldest few, and how many more there are.
    String list =
        stale.stream()
            .map(
                rep -> {
                  List<String> shown =
                      rep.oldest().stream()
                          .map(
                              q ->
                                  messages.get(
                                      "figure.quotes.staleOne",
                                      q.customer(),
                                      formats.money(q.value()),
                                      formats.date(LocalDate.ofInstant(q.lastTouch(), zone))))
                          .toList();
                  return rep.rep() + ": " + FigureText.firstOf(messages, shown, rep.count());
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
