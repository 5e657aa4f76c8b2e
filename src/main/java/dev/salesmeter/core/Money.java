package dev.salesmeter.core;

import java.math.BigDecimal;

/**
 * An amount in the workspace's currency, in whole cents. Amounts a user may log lie between one
 * cent and {@link #MAX_CENTS}.
 */
public record Money(long cents) {
  /** One billion in whole units: anything larger is a typing slip, not an order. */
  public static final long MAX_CENTS = 1_000_000_000L * 100;

  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  /** The amount in whole units, exactly: 420050 cents is 4200.50. */
  public BigDecimal units() {
    return BigDecimal.valueOf(cents, 2);
  }
}
