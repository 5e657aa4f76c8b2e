package dev.salesmeter.figure;

import dev.salesmeter.figure.aov.AovFigure;
import dev.salesmeter.figure.churn.ChurnFigure;
import dev.salesmeter.figure.conversion.ConversionFigure;
import dev.salesmeter.figure.crosssell.CrossSellFigure;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure;
import dev.salesmeter.figure.ltv.LtvFigure;
import dev.salesmeter.figure.quotes.QuotesFigure;
import dev.salesmeter.figure.repeat.RepeatFigure;
import dev.salesmeter.figure.revenue.RevenueFigure;
import dev.salesmeter.store.Database;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every figure, listed once: adding a figure is one sub-package and one line here. The figures that
 * the scorecard and the leaderboard command compose are also kept by their type.
 */
public final class Figures {
  private final List<Figure<?>> all;
  private final RevenueFigure revenue;
  private final QuotesFigure quotes;
  private final ChurnFigure churn;
  private final LeaderboardFigure leaderboard;
  private final PeriodCounts counts;

  private Figures(
      List<Figure<?>> all,
      RevenueFigure revenue,
      QuotesFigure quotes,
      ChurnFigure churn,
      LeaderboardFigure leaderboard,
      PeriodCounts counts) {
    this.all = List.copyOf(all);
    this.revenue = revenue;
    this.quotes = quotes;
    this.churn = churn;
    this.leaderboard = leaderboard;
    this.counts = counts;
  }

  /** The figures of KPIS.md, in the order /kpi lists them. */
  public static Figures standard(Database database) {
    RevenueFigure revenue = new RevenueFigure(database);
    QuotesFigure quotes = new QuotesFigure(database);
    ChurnFigure churn = new ChurnFigure(database);
    LeaderboardFigure leaderboard = new LeaderboardFigure(database);
    return new Figures(
        List.of(
            new ConversionFigure(database),
            quotes,
            new AovFigure(database),
            revenue,
            churn,
            new LtvFigure(database, churn),
            new CrossSellFigure(database),
            new RepeatFigure(database),
            leaderboard),
        revenue,
        quotes,
        churn,
        leaderboard,
        new PeriodCounts(database));
  }

  public List<Figure<?>> all() {
    return all;
  }

  public RevenueFigure revenue() {
    return revenue;
  }

  public QuotesFigure quotes() {
    return quotes;
  }

  public ChurnFigure churn() {
    return churn;
  }

  public LeaderboardFigure leaderboard() {
    return leaderboard;
  }

  /** The counts of several periods at once, which the scorecard compares. */
  public PeriodCounts counts() {
    return counts;
  }

  /** The figure a word names, in English or Dutch, any case. */
  public Optional<Figure<?>> find(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return all.stream().filter(figure -> figure.names().contains(lower)).findFirst();
  }
}
