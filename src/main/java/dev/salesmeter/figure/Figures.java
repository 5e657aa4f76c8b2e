package dev.salesmeter.figure;

import dev.salesmeter.figure.churn.ChurnFigure;
import dev.salesmeter.figure.crosssell.CrossSellFigure;
import dev.salesmeter.figure.funnel.FunnelFigure;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure;
import dev.salesmeter.figure.lifetime.LifetimeValueFigure;
import dev.salesmeter.figure.ordervalue.OrderValueFigure;
import dev.salesmeter.figure.quotes.QuotesFigure;
import dev.salesmeter.figure.repeat.RepeatFigure;
import dev.salesmeter.figure.revenue.RevenueFigure;
import dev.salesmeter.store.Database;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every figure, listed once: adding a figure is one sub-package and one line here. */
public final class Figures {
  private final List<Figure> all;
  private final PeriodCounts counts;

  private Figures(List<Figure> all, PeriodCounts counts) {
    this.all = List.copyOf(all);
    this.counts = counts;
  }

  /** The figures of KPIS.md implemented so far. */
  public static Figures standard(Database database) {
    ChurnFigure churn = new ChurnFigure(database);
    return new Figures(
        List.of(
            new FunnelFigure(database),
            new QuotesFigure(database),
            new OrderValueFigure(database),
            new RevenueFigure(database),
            churn,
            new LifetimeValueFigure(database, churn),
            new CrossSellFigure(database),
            new RepeatFigure(database),
            new LeaderboardFigure(database)),
        new PeriodCounts(database));
  }

  public List<Figure> all() {
    return all;
  }

  /** The figure of a type, for what asks more of it than an answer (the leaderboard's ranking). */
  public <T extends Figure> T get(Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  /** The counts of several periods at once, which the scorecard compares. */
  public PeriodCounts counts() {
    return counts;
  }

  /** The figure a word names, in English or Dutch, any case. */
  public Optional<Figure> find(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return all.stream().filter(figure -> figure.names().contains(lower)).findFirst();
  }
}
