package dev.salesmeter.transfer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How far an import's writing is: a bar on a terminal (rows, rows per second, time left), nothing
 * elsewhere (a script's output, a chat).
 */
public interface Progress extends AutoCloseable {
  /** Told how many events are written so far. */
  void done(int events);

  @Override
  void close();

  /** No bar: scripts, tests, chat. */
  Progress NONE =
      new Progress() {
        @Override
        public void done(int events) {}

        @Override
        public void close() {}
      };

  /** A bar on standard error for so many events (me.tongfei:progressbar). */
  static Progress bar(int total) {
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("import")
            .setInitialMax(total)
            .setUnit(" events", 1)
            .showSpeed()
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .build();
    return new Progress() {
      @Override
      public void done(int events) {
        bar.stepTo(events);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
