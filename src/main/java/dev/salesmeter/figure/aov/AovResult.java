package dev.salesmeter.figure.aov;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.figure.FigureResult;
import dev.salesmeter.store.Rep;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * Order value in a period (KPIS.md figure 3): the team's (or the asked rep's) orders, each rep's,
 * the medians across reps that split them into gatherers and hunters, and the period before. Every
 * amount is in cents, unrounded.
 *
 * @param orders the team's orders, or the asked rep's
 * @param previous the same of the period before
 * @param reps every rep with a sale in the period — also where one rep is asked, since a gatherer
 *     or hunter is one among the team — best mean order first (ties by name)
 * @param countMedian the median of the reps' numbers of orders (zero without sales)
 * @param valueMedian the median of the reps' mean order values, in cents (zero without sales)
 * @param wholeAmounts whether every sale of both periods was in whole currency units, so that means
 *     and medians are shown in whole units too
 */
public record AovResult(
    Period period,
    Optional<Rep> rep,
    Orders orders,
    Orders previous,
    List<RepOrders> reps,
    BigDecimal countMedian,
    BigDecimal valueMedian,
    boolean wholeAmounts)
    implements FigureResult {
  /** Where a rep stands against the medians across reps. */
  public enum Kind {
    /** More orders than the median rep, of less value: many small orders. */
    GATHERER,
    /** Fewer orders than the median rep, of more value: few big ones. */
    HUNTER,
    NEITHER
  }

  /** Orders: how many, their total, and the median order, in cents. */
  public record Orders(long count, Money total, BigDecimal median) {
    /** The mean order in cents, unrounded; zero without orders. */
    public BigDecimal mean() {
      return AovResult.mean(total, count);
    }
  }

  /** One rep's orders, and whether that makes them a gatherer or a hunter. */
  public record RepOrders(Rep rep, long count, Money total, BigDecimal median, Kind kind) {
    public BigDecimal mean() {
      return AovResult.mean(total, count);
    }
  }

  public AovResult {
    reps = List.copyOf(reps);
  }

  /** The asked rep's own line among the reps, where one rep is asked and had a sale. */
  public Optional<RepOrders> asked() {
    return rep.flatMap(r -> reps.stream().filter(o -> o.rep().id() == r.id()).findFirst());
  }

  /** The mean order against the period before, in cents; empty when that had no sales. */
  public Optional<BigDecimal> meanChange() {
    return previous.count() == 0 || orders.count() == 0
        ? Optional.empty()
        : Optional.of(orders.mean().subtract(previous.mean()));
  }

  static BigDecimal mean(Money total, long count) {
    return count == 0
        ? BigDecimal.ZERO
        : BigDecimal.valueOf(total.cents())
            .divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
  }
}
