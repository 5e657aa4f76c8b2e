package dev.salesmeter.core;

/** A percentage from 0 to 100 with two decimals, kept as basis points (27.5% = 2750). */
public record Percentage(int basisPoints) {
  public static final int MAX_BASIS_POINTS = 10_000;

  public Percentage {
    if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
      throw new IllegalArgumentException("a percentage lies between 0 and 100: " + basisPoints);
    }
  }

  public static Percentage ofBasisPoints(int basisPoints) {
    return new Percentage(basisPoints);
  }
}
