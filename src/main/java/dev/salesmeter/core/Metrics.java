package dev.salesmeter.core;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What Salesmeter counts for an operator ({@code /metrics}), without any package but {@code http}
 * depending on a metrics library. Names and labels are few and fixed, so the series stay few: a
 * command's kind is its registry name, never what the user typed.
 */
public interface Metrics {
  /**
   * A command was answered.
   *
   * @param command the registry name ({@code sale}, {@code kpi}), or {@code unknown}
   * @param outcome {@code ok}, {@code invalid}, {@code refused}, {@code unknown} or {@code error}
   */
  void commandAnswered(Platform platform, String command, String outcome);

  /**
   * From a platform's request arriving to its acknowledgement (Slack's ack, Discord's first reply).
   */
  void acknowledged(Platform platform, Duration took);

  /** A figure command computed its answer (the words, before any chart). */
  void figureAnswered(String command, Duration took);

  /** A chart was drawn into a PNG. */
  void chartDrawn(String command, Duration took);

  /**
   * A scheduled run ended.
   *
   * @param outcome {@code posted}, {@code retry}, {@code paused} or {@code error}
   */
  void scheduledRun(String routine, String outcome);

  /**
   * A value read whenever metrics are scraped, such as the depth of a queue.
   *
   * @param name dotted, such as {@code salesmeter.write.queue}
   */
  void gauge(String name, String description, Supplier<? extends Number> value);

  /** Counts nothing: the console, and tests that do not look. */
  Metrics NONE =
      new Metrics() {
        @Override
        public void commandAnswered(Platform platform, String command, String outcome) {}

        @Override
        public void acknowledged(Platform platform, Duration took) {}

        @Override
        public void figureAnswered(String command, Duration took) {}

        @Override
        public void chartDrawn(String command, Duration took) {}

        @Override
        public void scheduledRun(String routine, String outcome) {}

        @Override
        public void gauge(String name, String description, Supplier<? extends Number> value) {}
      };
}
