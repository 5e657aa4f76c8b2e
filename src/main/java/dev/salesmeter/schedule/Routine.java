package dev.salesmeter.schedule;

import dev.salesmeter.store.Schedule;
import dev.salesmeter.store.ScheduleStore;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Work done on a schedule (after TJ-Bot's {@code Routine}): what one run covers, and the run. A run
 * posts through the platform's {@link Poster}; the scheduler makes it happen once.
 */
interface Routine {
  Schedule.Routine kind();

  /** What a run due at this local time covers, as the key of its run record ({@code 2026-W12}). */
  String period(ZonedDateTime due);

  /**
   * Posts what the run covers.
   *
   * @param stillWorking to call between posts of a long run, which holds its claim longer
   */
  void run(
      Schedule schedule,
      ScheduleStore.Claim claim,
      Instant now,
      Poster poster,
      Runnable stillWorking)
      throws PostFailure;
}
