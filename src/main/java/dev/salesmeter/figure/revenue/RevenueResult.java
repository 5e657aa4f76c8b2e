package dev.salesmeter.figure.revenue;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Revenue in a period and in the period before, per rep where the team is asked, against the target
 * set for exactly the period, with the pace while it runs.
 *
 * @param totals the period's revenue and number of sales
 * @param previous the same of the period before
 * @param reps each rep's revenue and sales in the period, best revenue first (ties by name); empty
 *     where one rep is asked
 * @param target the latest live target set for exactly this period and scope
 * @param today the day of the question, in the workspace's time zone
 * @param days the revenue of each day of the period that had sales, in order
 */
public record RevenueResult(
    Period period,
    Optional<Rep> rep,
    Totals totals,
    Totals previous,
    List<RepRevenue> reps,
    Optional<Money> target,
    LocalDate today,
    List<DayRevenue> days)
    implements FigureResult {
  /** Revenue and number of sales. */
  public record Totals(Money revenue, long sales) {}

  /** One rep's revenue and number of sales. */
  public record RepRevenue(Rep rep, Money revenue, long sales) {}

  /** The revenue of one day. */
  public record DayRevenue(LocalDate day, Money revenue) {}

  /**
   * Where a running period stands against its target: on day {@code day} of {@code days}, the
   * target pro rata by days was due, exactly (in cents, unrounded).
   */
  public record Pace(long day, long days, BigDecimal dueCents, Money revenue) {
    /** Revenue minus what was due, in cents, unrounded: below zero is behind. */
    public BigDecimal aheadCents() {
      return BigDecimal.valueOf(revenue.cents()).subtract(dueCents);
    }
  }

  public RevenueResult {
    reps = List.copyOf(reps);
    days = List.copyOf(days);
  }

  /** Whether there is anything to say: a sale now or before, or a target. */
  public boolean isEmpty() {
    return totals.sales() == 0 && previous.sales() == 0 && target.isEmpty();
  }

  /** Revenue as a percentage of the target, unrounded (above 100 when beaten). */
  public Optional<BigDecimal> attained() {
    return target
        .filter(goal -> goal.cents() > 0)
        .map(
            goal ->
                BigDecimal.valueOf(totals.revenue().cents())
                    .multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(goal.cents()), MathContext.DECIMAL64));
  }

  /** The pace by the end of today, while the period runs and has a target. */
  public Optional<Pace> pace() {
    if (!period.contains(today)) {
      return Optional.empty();
    }
    return target.map(
        goal -> {
          long day = ChronoUnit.DAYS.between(period.start(), today) + 1;
          return new Pace(day, period.lengthInDays(), due(goal, period, day), totals.revenue());
        });
  }

  /**
   * The part of a target due by the end of the {@code day}-th day of its period, pro rata by days,
   * in cents, unrounded.
   */
  static BigDecimal due(Money target, Period period, long day) {
    return BigDecimal.valueOf(target.cents())
        .multiply(BigDecimal.valueOf(day))
        .divide(BigDecimal.valueOf(period.lengthInDays()), MathContext.DECIMAL64);
  }

  /** The last day revenue can be drawn for: today in a running period, else its last day. */
  public LocalDate through() {
    return period.contains(today) ? today : period.end();
  }

  /** Whether the period has begun by today (a period in the future has nothing to draw). */
  public boolean hasBegun() {
    return !today.isBefore(period.start());
  }
}
