package dev.salesmeter.figure;

import dev.salesmeter.core.Period;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The share of a period's sales that have a property (a cross-sell, a repeat customer; KPIS.md
 * figures 4 and 5), by count and by revenue, for the team (or the asked rep), each rep, and the
 * period before.
 *
 * @param sales the team's sales, or the asked rep's
 * @param previous the same of the period before
 * @param reps each rep with a sale in the period, best share by count first (then by revenue, then
 *     by name); empty where one rep is asked
 */
public record ShareResult(
    Period period, Optional<Rep> rep, Part sales, Part previous, List<RepPart> reps)
    implements FigureResult {
  /** Sales with the property among all sales: by count (of sales) and by revenue (in cents). */
  public record Part(Share byCount, Share byRevenue) {
    public boolean isEmpty() {
      return byCount.whole() == 0;
    }
  }

  /** One rep's part. */
  public record RepPart(Rep rep, Part part) {}

  public ShareResult {
    reps = List.copyOf(reps);
  }

  /** The share by count against the period before, in points; empty where that had no sales. */
  public Optional<BigDecimal> byCountChange() {
    return sales.byCount().pointsSince(previous.byCount());
  }
}
