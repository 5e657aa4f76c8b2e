package dev.salesmeter.figure.leaderboard;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Drilldown;
import dev.salesmeter.figure.Figure;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.SaleRows;
import dev.salesmeter.figure.leaderboard.LeaderboardResult.Place;
import dev.salesmeter.store.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * Reps ranked by revenue (or by number of sales) in a period, best first, each with the change
 * against the period before, so that what goes well can be seen and rewarded. A rep who sold in the
 * period before but not in this one is listed last, at zero. A rep is new when their first live
 * sale ever is in the period.
 */
public final class LeaderboardFigure implements Figure<LeaderboardResult> {
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

  /** The leaderboard by revenue, as {@code /kpi leaderboard} asks for it. */
  @Override
  public LeaderboardResult compute(FigureQuery query) {
    return compute(query, Ranking.REVENUE);
  }

  /** The reps ranked by a figure, with their ranks now and before, and who is new. */
  public LeaderboardResult compute(FigureQuery query, Ranking ranking) {
    List<Row> rows = rows(query, ranking);
    List<Place> places = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Standing s = row.standing();
      places.add(
          new Place(
              s.rep(),
              s.now(),
              s.before(),
              rank(rows, s.now(), Standing::now),
              rank(rows, s.before(), Standing::before),
              s.before() == 0 && !row.soldEarlier()));
    }
    return new LeaderboardResult(query.period(), query.rep(), ranking, places);
  }

  /**
   * Each rep's sales in the period (the query's rep's only, if one is asked), by the rep's place on
   * the board by revenue — best first, ties by name, as {@link #compute} ranks them — then by date:
   * a rep's live rows sum to the rep's revenue on the board.
   */
  @Override
  public Drilldown drill(FigureQuery query) {
    String byPlace =
        "SUM(CASE WHEN v.id IS NULL THEN s.amount_cents ELSE 0 END) OVER (PARTITION BY s.rep_id)"
            + " DESC, r.display_name, r.id, "
            + SaleRows.BY_DATE;
    Drilldown.Table sales =
        jdbi.withHandle(
            handle ->
                SaleRows.table(
                    handle, query, query.period(), "", FigureQuery.SALES_OF_SPAN, byPlace));
    return new Drilldown(List.of(sales));
  }

  @Override
  public FigureAnswer render(LeaderboardResult result, Formats formats) {
    return LeaderboardText.answer(result, formats);
  }

  /** One more than the number of reps with more: equal values share a rank. */
  private static int rank(List<Row> rows, long value, ToLongFunction<Standing> of) {
    return 1 + (int) rows.stream().filter(r -> of.applyAsLong(r.standing()) > value).count();
  }

  /** A rep's standing, and whether they sold before the period before. */
  private record Row(Standing standing, boolean soldEarlier) {}

  /**
   * Every rep with a sale in the period or the one before, best first (ties by name): the value of
   * the ranking now and before.
   */
  public List<Standing> standings(FigureQuery query, Ranking ranking) {
    return rows(query, ranking).stream().map(Row::standing).toList();
  }

  private List<Row> rows(FigureQuery query, Ranking ranking) {
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
                        + " ELSE 0 END) AS before,"
                        + " EXISTS (SELECT 1 FROM sales_by_day e WHERE e.workspace_id = :ws"
                        + " AND e.rep_id = r.id AND e.day < :firstDay AND e.sales > 0)"
                        + " AS sold_earlier "
                        + FigureQuery.SALES_BY_DAY
                        + " GROUP BY r.id HAVING SUM(d.sales) > 0"
                        + " ORDER BY now DESC, r.display_name, r.id")
                .bindMap(span)
                .map(
                    (rs, ctx) ->
                        new Row(
                            new Standing(
                                rs.getString("rep"), rs.getLong("now"), rs.getLong("before")),
                            rs.getBoolean("sold_earlier")))
                .list());
  }
}
