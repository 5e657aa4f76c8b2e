package dev.salesmeter.figure.churn;

import dev.salesmeter.core.Period;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.figure.churn.ChurnFigure.CustomerMoment;
import dev.salesmeter.figure.churn.ChurnFigure.Rate;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The churn of a period (KPIS.md figure 6), for the team or the customers one rep owns: who was
 * active at its start and who of them left, who came in new or was won back, and who is at risk
 * now. Lists are in order of date, then name; a period still running counts up to now.
 *
 * @param rate the customers active at the period's start, and how many of them left in it
 * @param previousRate the same of the period before
 * @param churned the customers of {@code rate} who left, when their spell ended
 * @param fresh the customers whose first sale ever was in the period, at that sale
 * @param wonBack the customers who came back after a churn, at the sale that won them back
 * @param newAndGone the new customers who left again within the period (not in the rate)
 * @param atRisk the active customers whose window runs out within 60 days of now
 * @param months the months the chart shows, each with its churn and new customers
 */
public record ChurnResult(
    Period period,
    Optional<Rep> rep,
    Rate rate,
    Rate previousRate,
    List<CustomerMoment> churned,
    List<CustomerMoment> fresh,
    List<CustomerMoment> wonBack,
    List<CustomerMoment> newAndGone,
    List<CustomerMoment> atRisk,
    List<Month> months)
    implements FigureResult {
  /** One month of the chart: its churn, and the customers new in it. */
  public record Month(Period month, Rate rate, long fresh) {}

  public ChurnResult {
    churned = List.copyOf(churned);
    fresh = List.copyOf(fresh);
    wonBack = List.copyOf(wonBack);
    newAndGone = List.copyOf(newAndGone);
    atRisk = List.copyOf(atRisk);
    months = List.copyOf(months);
  }

  /** The churn rate against the period before, in points; empty where either had nobody. */
  public Optional<BigDecimal> rateChange() {
    return rate.share().pointsSince(previousRate.share());
  }

  /** Whether there is anything to say: customers active at the start, or customers who came. */
  public boolean isEmpty() {
    return rate.activeAtStart() == 0 && fresh.isEmpty() && wonBack.isEmpty();
  }
}
