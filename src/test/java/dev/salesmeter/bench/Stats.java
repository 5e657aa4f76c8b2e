package dev.salesmeter.bench;

import java.util.Arrays;

/** Latency quantiles of a benchmark's samples, in milliseconds, and their throughput per second. */
record Stats(double p50, double p90, double p99, double max, double throughput) {
  static Stats of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double total = Arrays.stream(nanos).sum() / 1e9;
    return new Stats(
        ms(sorted, 0.50),
        ms(sorted, 0.90),
        ms(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6,
        nanos.length / total);
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  void print(String name) {
    System.out.printf(
        "%-28s %9.3f %9.3f %9.3f %9.3f %12.0f%n", name, p50, p90, p99, max, throughput);
  }
}
