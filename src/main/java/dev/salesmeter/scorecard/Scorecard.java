package dev.salesmeter.scorecard;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.FigureAnswer;
import dev.salesmeter.figure.FigureQuery;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.figure.PeriodCounts;
import dev.salesmeter.figure.PeriodCounts.Counts;
import dev.salesmeter.figure.churn.ChurnFigure;
import dev.salesmeter.figure.churn.ChurnFigure.CustomerMoment;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Standing;
import dev.salesmeter.figure.quotes.QuotesFigure;
import dev.salesmeter.figure.quotes.QuotesFigure.RepStaleQuotes;
import dev.salesmeter.figure.revenue.RevenueFigure;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The weekly scorecard of KPIS.md: for one ISO week, the team's revenue against its target, the
 * funnel's steps, the quote win rate, order value, cross-sell and repeat shares, new and churned
 * customers — each against the week before and against the average of the 8 weeks before — then the
 * top three reps, and what needs chasing today (stale quotes, customers at risk). It composes the
 * results of the figures it shows.
 *
 * <p>The week's win rate is of the quoted opportunities decided (won or lost) in the week: the
 * cohort of a single week's quotes is nearly all still open, so its win rate says little. The
 * 8-week average of a count is its mean per week; of a share or the order value it is pooled (all 8
 * weeks' sales together), so a quiet week does not weigh as much as a busy one. Weeks before the
 * workspace's first logged step are not averaged in.
 */
public final class Scorecard {
  /** How many weeks before the scorecard's week make its average. */
  public static final int TRAILING_WEEKS = 8;

  /** How many of the best reps the scorecard keeps: the picture shows five, the text three. */
  static final int BEST_REPS = 5;

  private final PeriodCounts counts;
  private final RevenueFigure revenue;
  private final QuotesFigure quotes;
  private final ChurnFigure churn;
  private final LeaderboardFigure leaderboard;

  public Scorecard(Figures figures) {
    this.counts = figures.counts();
    this.revenue = figures.revenue();
    this.quotes = figures.quotes();
    this.churn = figures.churn();
    this.leaderboard = figures.leaderboard();
  }

  /** The scorecard's default week: the last ISO week that has ended by the given day. */
  public static Period lastFullWeek(LocalDate today) {
    return Period.isoWeekOf(today).previous();
  }

  /** The scorecard of the query's period, which must be an ISO week; always the team's. */
  public ScorecardResult compute(FigureQuery query) {
    Period week = query.period();
    if (week.unit() != Period.Unit.WEEK) {
      throw new IllegalArgumentException("a scorecard is about an ISO week, not " + week);
    }
    List<Period> weeks = new ArrayList<>();
    weeks.add(week);
    for (int i = 0; i < TRAILING_WEEKS; i++) {
      weeks.add(weeks.get(i).previous());
    }
    List<Counts> weekCounts = counts.count(query, weeks);
    Period all = new Period(weeks.get(TRAILING_WEEKS).start(), week.end(), Period.Unit.DAYS);
    ZoneId zone = query.settings().zone();
    List<CustomerMoment> ends = churn.spellEnds(query.withPeriod(all));
    Map<Period, List<CustomerMoment>> endsByWeek =
        ends.stream().collect(Collectors.groupingBy(end -> Period.isoWeekOf(end.day())));
    List<Long> churned =
        weeks.stream().map(w -> (long) endsByWeek.getOrDefault(w, List.of()).size()).toList();
    // Average only over the weeks since the first one with anything logged; the average of
    // one week would only repeat the week before.
    int averaged = TRAILING_WEEKS;
    while (averaged > 0 && weekCounts.get(averaged).isEmpty() && churned.get(averaged) == 0) {
      averaged--;
    }
    LocalDate today = LocalDate.ofInstant(query.now(), zone);
    LocalDate targetDay = week.contains(today) ? today : week.end();
    List<Standing> best =
        leaderboard.standings(query, LeaderboardFigure.Ranking.REVENUE).stream()
            .filter(s -> s.now() > 0)
            .limit(BEST_REPS)
            .toList();
    // Most stale quotes first, as the quotes figure lists them.
    List<RepStaleQuotes> stale = quotes.staleQuotes(query);
    return new ScorecardResult(
        query.settings().name(),
        weeks,
        weekCounts,
        churned,
        averaged == 1 ? 0 : averaged,
        query.now().isBefore(week.endInstant(zone)),
        revenue.targetProgress(query, targetDay),
        targetDay,
        endsByWeek.getOrDefault(week, List.of()),
        churn.atRisk(query),
        best,
        stale,
        query.settings().staleQuoteDays());
  }

  /** A scorecard in the workspace's words, with its picture. */
  public FigureAnswer render(ScorecardResult result, Formats formats) {
    return ScorecardText.answer(result, formats);
  }

  /** The scorecard computed and put into words, as chat asks for it. */
  public FigureAnswer answer(FigureQuery query) {
    return render(compute(query), Formats.of(query.settings()));
  }
}
