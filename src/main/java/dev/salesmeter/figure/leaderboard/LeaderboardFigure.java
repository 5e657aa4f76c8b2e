package dev.salesmeter.figure.leaderboard;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.WordedResult;
import dev.salesmeter.store.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reps ranked by revenue (or by number of sales) in a period, best first, each with the change
 * against the period before, so that what goes well can be seen and rewarded. A rep who sold in the
 * period before but not in this one is listed last, at zero.
 */
public final class LeaderboardFigure implements Figure<WordedResult> {
  /** What reps are ranked by. */
  public enum Ranking {
    REVENUE("revenue", "omzet"),
    SALES("sales", "verkopen", "orders");

    private final List<String> words;

    Ranking(String... words) {
      this.words = List.of(words);
    }

    /** The ranking a word names, in English or Dutch. */
    public static Optional<Ranking> fromWord(String word) {
      String lower = word.toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(r -> r.words.contains(lower)).findFirst();
    }
  }

  /** A rep's value of the ranking in the period and in the period before (cents or sales). */
  public record Standing(String rep, long now, long before) {}

  private final Jdbi jdbi;

  public LeaderboardFigure(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public List<String> names() {
    return List.of("leaderboard", "ranglijst");
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
    return answer(query, Ranking.REVENUE);
  }

  public FigureAnswer answer(FigureQuery query, Ranking ranking) {
    Formats formats = Formats.of(query.settings());
    Messages messages = formats.messages();
    Period period = query.period();
    String periodWords = formats.period(period);
    String title =
        messages.get(
            "figure.leaderboard.title",
            periodWords,
            messages.get("figure.leaderboard.by." + ranking.name().toLowerCase(Locale.ROOT)));
    List<Standing> standings = standings(query, ranking);
    if (standings.stream().allMatch(s -> s.now() == 0)) {
      return new FigureAnswer(title, messages.get("figure.noSales", periodWords), List.of());
    }
    List<String> lines = new ArrayList<>();
    List<FigureAnswer.Field> fields = new ArrayList<>();
    for (int i = 0; i < standings.size(); i++) {
      Standing s = standings.get(i);
      String value = show(formats, ranking, s.now());
      String change = change(formats, ranking, s.now(), s.before());
      lines.add(messages.get("figure.leaderboard.line", i + 1, s.rep(), value, change));
      if (i < 3) {
        fields.add(new FigureAnswer.Field((i + 1) + ". " + s.rep(), value));
      }
    }
    lines.add(messages.get("figure.leaderboard.against", formats.periodShort(period.previous())));
    return new FigureAnswer(title, String.join("\n", lines), fields)
        .withChart(() -> LeaderboardChart.draw(formats, title, period, ranking, standings));
  }

  private static String show(Formats formats, Ranking ranking, long value) {
    return ranking == Ranking.REVENUE
        ? formats.money(Money.ofCents(value))
        : value == 1
            ? formats.messages().get("figure.leaderboard.salesOne")
            : formats.messages().get("figure.leaderboard.salesCount", value);
  }

  private static String change(Formats formats, Ranking ranking, long now, long before) {
    if (before == 0) {
      return now == 0 ? "=" : formats.messages().get("figure.leaderboard.new");
    }
    long difference = now - before;
    String arrow = difference > 0 ? "▲" : difference < 0 ? "▼" : "=";
    if (difference == 0) {
      return arrow;
    }
    long size = Math.abs(difference);
    return arrow + " " + (ranking == Ranking.REVENUE ? formats.money(Money.ofCents(size)) : size);
  }

  /** Every rep with a sale in the period or the one before, best first. */
  public List<Standing> standings(FigureQuery query, Ranking ranking) {
    Period before = query.period().previous();
    String measure = ranking == Ranking.REVENUE ? "d.revenue_cents" : "d.sales";
    // The period before ends where the period starts: one span of days holds both.
    Map<String, Object> span =
        query.span(new Period(before.start(), query.period().end(), Period.Unit.DAYS));
    span.put("start", query.period().start().toString());
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT r.display_name AS rep,"
                        + " SUM(CASE WHEN d.day >= :start THEN "
                        + measure
                        + " ELSE 0 END) AS now,"
                        + " SUM(CASE WHEN d.day < :start THEN "
                        + measure
                        + " ELSE 0 END) AS before "
                        + FigureQuery.SALES_BY_DAY
                        + " GROUP BY r.id HAVING SUM(d.sales) > 0"
                        + " ORDER BY now DESC, before DESC, r.display_name")
                .bindMap(span)
                .map(
                    (rs, ctx) ->
                        new Standing(rs.getString("rep"), rs.getLong("now"), rs.getLong("before")))
                .list());
  }
}
