package dev.salesmeter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.Platform;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every measure of the core's {@code Metrics} reaches the Prometheus text under a plain name. */
final class MicrometerMetricsTest {
  @Test
  @DisplayName("commands, acks, figures, charts, scheduled runs and gauges in Prometheus text")
  void everyMeasure() {
    // given
    MicrometerMetrics metrics = new MicrometerMetrics();
    AtomicInteger queued = new AtomicInteger(3);
    // when
    metrics.commandAnswered(Platform.DISCORD, "sale", "invalid");
    metrics.acknowledged(Platform.DISCORD, Duration.ofMillis(40));
    metrics.figureAnswered("kpi", Duration.ofMillis(12));
    metrics.chartDrawn("kpi", Duration.ofMillis(80));
    metrics.scheduledRun("scorecard", "posted");
    metrics.scheduledRun("nudges", "retry");
    metrics.gauge("salesmeter.write.queue", "Commands waiting for the writer", queued::get);
    queued.set(5);
    // then
    assertThat(metrics.scrape())
        .contains(
            "salesmeter_commands_total{command=\"sale\",outcome=\"invalid\",platform=\"discord\"}"
                + " 1.0")
        .contains("salesmeter_ack_seconds_bucket{platform=\"discord\",le=\"0.05\"} 1")
        .contains("salesmeter_figure_seconds_count{command=\"kpi\"} 1")
        .contains("salesmeter_chart_seconds_count{command=\"kpi\"} 1")
        .contains("salesmeter_scheduled_runs_total{outcome=\"posted\",routine=\"scorecard\"} 1.0")
        .contains("salesmeter_scheduled_runs_total{outcome=\"retry\",routine=\"nudges\"} 1.0")
        .contains("salesmeter_write_queue 5.0");
  }
}
