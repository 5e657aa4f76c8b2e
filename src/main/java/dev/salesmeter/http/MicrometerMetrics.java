package dev.salesmeter.http;

import dev.salesmeter.core.Metrics;
import dev.salesmeter.core.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@link Metrics} in a Micrometer registry, scraped as Prometheus text on {@code /metrics}. The
 * acknowledgement is a histogram (Prometheus buckets), so an operator can estimate p99 and count
 * those over Slack's 3 seconds; the other times are summaries with their count, sum and maximum.
 */
public final class MicrometerMetrics implements Metrics {
  /**
   * The acknowledgement's buckets: fine below Slack's 3 seconds, where the targets are (a p99 of
   * 100 ms), and few, so each platform is a dozen series rather than Micrometer's seventy.
   */
  private static final Duration[] ACK_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(3),
    Duration.ofSeconds(5)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Override
  public void commandAnswered(Platform platform, String command, String outcome) {
    Counter.builder("salesmeter.commands")
        .description("Commands answered, by platform, command and outcome")
        .tag("platform", name(platform))
        .tag("command", command)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  @Override
  public void acknowledged(Platform platform, Duration took) {
    Timer.builder("salesmeter.ack")
        .description("From a platform's request to its acknowledgement")
        .tag("platform", name(platform))
        .serviceLevelObjectives(ACK_BUCKETS)
        .register(registry)
        .record(took);
  }

  @Override
  public void figureAnswered(String command, Duration took) {
    Timer.builder("salesmeter.figure")
        .description("A figure command's answer, before its chart")
        .tag("command", command)
        .register(registry)
        .record(took);
  }

  @Override
  public void chartDrawn(String command, Duration took) {
    Timer.builder("salesmeter.chart")
        .description("A chart drawn into a PNG")
        .tag("command", command)
        .register(registry)
        .record(took);
  }

  @Override
  public void scheduledRun(String routine, String outcome) {
    Counter.builder("salesmeter.scheduled.runs")
        .description("Scheduled runs, by routine and outcome")
        .tag("routine", routine)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  @Override
  public void gauge(String name, String description, Supplier<? extends Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  /** Everything counted so far, in Prometheus's text format. */
  public String scrape() {
    return registry.scrape();
  }

  private static String name(Platform platform) {
    return platform.name().toLowerCase(Locale.ROOT);
  }
}
