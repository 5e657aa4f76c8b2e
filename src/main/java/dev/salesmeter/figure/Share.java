package dev.salesmeter.figure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * A part of a whole, such as 12 of 40 leads or €2,000 of €9,000 revenue, kept as its two numbers so
 * that nothing is rounded before a rendering shows it.
 */
public record Share(long part, long whole) {
  public Share {
    if (part < 0 || whole < 0 || part > whole) {
      throw new IllegalArgumentException("a share of " + part + " in " + whole);
    }
  }

  /** The share in percent, unrounded (to 16 significant digits); empty for a share of nothing. */
  public Optional<BigDecimal> percent() {
    return whole == 0
        ? Optional.empty()
        : Optional.of(
            BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64));
  }

  /** The share in percent, or 0 for a share of nothing (for drawing). */
  public BigDecimal percentOrZero() {
    return percent().orElse(BigDecimal.ZERO);
  }

  /** The change in percentage points from an earlier share; empty where either is of nothing. */
  public Optional<BigDecimal> pointsSince(Share before) {
    return percent().flatMap(now -> before.percent().map(now::subtract));
  }
}
