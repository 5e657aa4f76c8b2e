package dev.salesmeter.scorecard;

import dev.salesmeter.core.Period;
import dev.salesmeter.figure.PeriodCounts.Counts;
import dev.salesmeter.figure.Share;
import dev.salesmeter.figure.churn.ChurnFigure.CustomerMoment;
import dev.salesmeter.figure.leaderboard.LeaderboardFigure.Standing;
import dev.salesmeter.figure.quotes.QuotesFigure.RepStaleQuotes;
import dev.salesmeter.figure.revenue.RevenueFigure.TargetProgress;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The weekly scorecard of one ISO week, as numbers: the counts of the week and of the 8 weeks
 * before it, the customers who left, the target's progress, the best reps and what needs chasing.
 * Its measures compare the week with the week before and with the average of the weeks before,
 * unrounded.
 *
 * @param weeks the scorecard's week first, then the weeks before it, latest first
 * @param counts each week's counts, in the order of {@code weeks}
 * @param churned how many customers' spells ended in each week
 * @param averaged how many of the weeks before make the average: 0 where there are fewer than two
 *     since the first week with anything logged
 * @param running whether the week is still running at the time of the question
 * @param target the progress of the target of the week's month, by {@code targetDay}
 * @param churnedInWeek the customers whose spell ended in the week
 * @param atRisk the active customers whose window runs out within 60 days, soonest first
 * @param best the week's best reps by revenue, best first: five at most, of those who sold
 * @param stale each rep's stale quotes now, most first
 * @param staleDays after how many days without a quote or follow-up an open quote is stale
 */
public record ScorecardResult(
    String workspaceName,
    List<Period> weeks,
    List<Counts> counts,
    List<Long> churned,
    int averaged,
    boolean running,
    Optional<TargetProgress> target,
    LocalDate targetDay,
    List<CustomerMoment> churnedInWeek,
    List<CustomerMoment> atRisk,
    List<Standing> best,
    List<RepStaleQuotes> stale,
    int staleDays) {
  public ScorecardResult {
    weeks = List.copyOf(weeks);
    counts = List.copyOf(counts);
    churned = List.copyOf(churned);
    churnedInWeek = List.copyOf(churnedInWeek);
    atRisk = List.copyOf(atRisk);
    best = List.copyOf(best);
    stale = List.copyOf(stale);
  }

  /** A measure of the week: its value, the week before's, and the average of the weeks before. */
  public record Measure(
      Optional<BigDecimal> now, Optional<BigDecimal> before, Optional<BigDecimal> average) {}

  /** A share of the week (such as won of decided quotes), against the weeks before (pooled). */
  public record ShareMeasure(Share now, Share before, Optional<Share> average) {}

  public Period week() {
    return weeks.get(0);
  }

  public Period weekBefore() {
    return weeks.get(1);
  }

  /** Whether nothing at all happened in the week and the weeks before it. */
  public boolean nothingLogged() {
    return counts.stream().allMatch(Counts::isEmpty) && churned.stream().allMatch(c -> c == 0);
  }

  /** Whether nothing happened in the week itself. */
  public boolean quietWeek() {
    return counts.get(0).isEmpty() && churned.get(0) == 0;
  }

  /** A count per week, such as leads: the average is the mean per week. */
  public Measure count(ToLongFunction<Counts> measure) {
    return perWeek(counts.stream().map(measure::applyAsLong).toList());
  }

  /** Revenue in cents; the average is the mean per week. */
  public Measure revenueCents() {
    return count(c -> c.revenue().cents());
  }

  public Measure churnedCustomers() {
    return perWeek(churned);
  }

  /** The mean order value in cents; of the weeks before, their revenue over their sales. */
  public Measure orderValueCents() {
    Counts now = counts.get(0);
    Counts before = counts.get(1);
    Optional<BigDecimal> average = Optional.empty();
    if (averaged > 0) {
      average = mean(sum(c -> c.revenue().cents()), sum(Counts::sales));
    }
    return new Measure(
        mean(now.revenue().cents(), now.sales()),
        mean(before.revenue().cents(), before.sales()),
        average);
  }

  /** A share of the week, against the week before and the pooled weeks before. */
  public ShareMeasure share(ToLongFunction<Counts> part, ToLongFunction<Counts> whole) {
    Counts now = counts.get(0);
    Counts before = counts.get(1);
    return new ShareMeasure(
        new Share(part.applyAsLong(now), whole.applyAsLong(now)),
        new Share(part.applyAsLong(before), whole.applyAsLong(before)),
        averaged == 0 ? Optional.empty() : Optional.of(new Share(sum(part), sum(whole))));
  }

  /** Whether every amount summed in the weeks shown was whole currency units. */
  public boolean wholeUnits() {
    return counts.stream().allMatch(c -> c.revenue().cents() % 100 == 0);
  }

  /** How many stale quotes the team has now. */
  public long staleCount() {
    return stale.stream().mapToLong(RepStaleQuotes::count).sum();
  }

  private Measure perWeek(List<Long> values) {
    Optional<BigDecimal> average =
        averaged == 0
            ? Optional.empty()
            : Optional.of(
                BigDecimal.valueOf(values.subList(1, averaged + 1).stream().mapToLong(v -> v).sum())
                    .divide(BigDecimal.valueOf(averaged), MathContext.DECIMAL64));
    return new Measure(
        Optional.of(BigDecimal.valueOf(values.get(0))),
        Optional.of(BigDecimal.valueOf(values.get(1))),
        average);
  }

  private long sum(ToLongFunction<Counts> measure) {
    return counts.subList(1, averaged + 1).stream().mapToLong(measure).sum();
  }

  private static Optional<BigDecimal> mean(long cents, long count) {
    return count == 0
        ? Optional.empty()
        : Optional.of(
            BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(count), MathContext.DECIMAL64));
  }
}
