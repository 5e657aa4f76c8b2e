package dev.salesmeter.figure.ltv;

import dev.salesmeter.core.Period;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.figure.Share;
import dev.salesmeter.figure.churn.ChurnFigure.Rate;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Customer lifetime value over a window of 12 months (KPIS.md figure 7), every step unrounded:
 * money in cents as exact decimals, divided at 34 significant digits.
 *
 * @param window the 12 months up to the end of the period or up to today, whichever is earlier
 * @param covered the part of the window the log covers (from its earliest live event)
 * @param revenueCents the revenue of the window's sales to the customers counted
 * @param profitCents their profit: per-sale margin where logged, else the default margin
 * @param customers the customers with a sale in the window (per rep: whose owner at the window's
 *     end is the rep)
 * @param newCustomers the team's customers whose first sale ever was in the window
 * @param costsCents the team's acquisition costs in the window
 * @param rate the window's churn (of the team, or of the rep's customers)
 * @param availableFrom where lifetime and LTV are not estimated (too little history, or nobody
 *     active at the window's start): the first day a period can end for them to be
 * @param wholeUnits whether every amount counted (sales and costs) is in whole currency units, so
 *     that averages are shown in whole units too
 */
public record LtvResult(
    Period period,
    Optional<Rep> rep,
    Period window,
    Period covered,
    long revenueCents,
    BigDecimal profitCents,
    long customers,
    long newCustomers,
    long costsCents,
    Rate rate,
    Optional<LocalDate> availableFrom,
    boolean wholeUnits)
    implements FigureResult {
  /** The longest expected lifetime counted, in years (where nobody or almost nobody leaves). */
  public static final BigDecimal MAX_LIFETIME = BigDecimal.TEN;

  private static final MathContext EXACT = MathContext.DECIMAL128;

  /** Why lifetime and LTV are not estimated, if they are not. */
  public enum Missing {
    /** The window holds less than 12 months of the log. */
    HISTORY,
    /** No customer was active at the window's start: there is no churn rate. */
    ACTIVE_CUSTOMERS
  }

  public Optional<Missing> missing() {
    if (!covered.equals(window)) {
      return Optional.of(Missing.HISTORY);
    }
    return rate.activeAtStart() == 0 ? Optional.of(Missing.ACTIVE_CUSTOMERS) : Optional.empty();
  }

  /** Revenue per customer in cents over the covered months; empty without customers. */
  public Optional<BigDecimal> revenuePerCustomer() {
    return customers == 0
        ? Optional.empty()
        : Optional.of(
            BigDecimal.valueOf(revenueCents).divide(BigDecimal.valueOf(customers), EXACT));
  }

  /** Profit per customer in cents over the covered months; empty without customers. */
  public Optional<BigDecimal> profitPerCustomer() {
    return customers == 0
        ? Optional.empty()
        : Optional.of(profitCents.divide(BigDecimal.valueOf(customers), EXACT));
  }

  /** The margin: profit as a share of revenue, in percent; empty without revenue. */
  public Optional<BigDecimal> marginPercent() {
    return revenueCents == 0
        ? Optional.empty()
        : Optional.of(
            profitCents
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(revenueCents), EXACT));
  }

  /** The expected lifetime in years, 1 / churn rate, at most 10; empty where not estimated. */
  public Optional<BigDecimal> lifetime() {
    if (missing().isPresent()) {
      return Optional.empty();
    }
    if (rate.churned() == 0) {
      return Optional.of(MAX_LIFETIME);
    }
    return Optional.of(
        BigDecimal.valueOf(rate.activeAtStart())
            .divide(BigDecimal.valueOf(rate.churned()), EXACT)
            .min(MAX_LIFETIME));
  }

  /** Whether the lifetime is the cap (shown as "≥ 10"). */
  public boolean lifetimeCapped() {
    return lifetime().map(years -> years.compareTo(MAX_LIFETIME) >= 0).orElse(false);
  }

  /** Lifetime value in cents: a year's profit per customer times the lifetime. */
  public Optional<BigDecimal> ltv() {
    return profitPerCustomer()
        .flatMap(profit -> lifetime().map(years -> profit.multiply(years, EXACT)));
  }

  /** The acquisition cost per new customer in cents; empty without new customers. */
  public Optional<BigDecimal> cac() {
    return newCustomers == 0
        ? Optional.empty()
        : Optional.of(
            BigDecimal.valueOf(costsCents).divide(BigDecimal.valueOf(newCustomers), EXACT));
  }

  /** Years until a customer's profit pays back their acquisition cost; empty without profit. */
  public Optional<BigDecimal> payback() {
    if (missing().filter(Missing.HISTORY::equals).isPresent()) {
      return Optional.empty(); // less than a year of profit: nothing to divide a year by
    }
    return cac()
        .flatMap(
            cost ->
                profitPerCustomer()
                    .filter(profit -> profit.signum() > 0)
                    .map(profit -> cost.divide(profit, EXACT)));
  }

  /** LTV : CAC; empty where either is missing or the cost is zero. */
  public Optional<BigDecimal> ltvToCac() {
    return ltv()
        .flatMap(
            value ->
                cac().filter(cost -> cost.signum() > 0).map(cost -> value.divide(cost, EXACT)));
  }

  /**
   * What each new customer loses the business, in cents, where the lifetime is shorter than the
   * payback: CAC − LTV.
   */
  public Optional<BigDecimal> loss() {
    return lifetime()
        .filter(years -> !lifetimeCapped())
        .flatMap(
            years ->
                payback()
                    .filter(back -> years.compareTo(back) < 0)
                    .flatMap(back -> cac().flatMap(cost -> ltv().map(cost::subtract))));
  }

  /** The churn of the window as a share. */
  public Share churn() {
    return rate.share();
  }
}
