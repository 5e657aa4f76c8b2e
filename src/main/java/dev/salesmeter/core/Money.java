package dev.salesmeter.core;

import java.math.BigDecimal;

/**
 * An amount in the workspace's currency, in whole cents. Amounts a user may log lie between one
 * cent and {@link #MAX_CENTS}.
 */
public record Money(long cents) implements Comparable<Money> {
  /** One billion in whole units: anything larger is a typing slip, not an order. */
  public static final long MAX_CENTS = 1_000_000_000L * 100;

  public static final Money ZERO = new Money(0);

  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  /** The amount in whole units, exactly: 420050 cents is 4200.50. */
  public BigDecimal units() {
    return BigDecimal.valueOf(cents, 2);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(cents, other.cents);
  }
}
