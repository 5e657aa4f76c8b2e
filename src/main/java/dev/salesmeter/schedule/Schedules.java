package dev.salesmeter.schedule;

import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Syntax;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Schedule;
import dev.salesmeter.store.ScheduleStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code app} builds from this package: the {@code /schedule} command and the scheduler. */
public final class Schedules {
  private Schedules() {}

  /** {@code /schedule} ({@code /planning}), for the registry: managers only. */
  public static CommandSpec command(ScheduleStore store) {
    return new CommandSpec(
        "schedule",
        "planning",
        Syntax.SCHEDULE,
        Set.of(),
        Set.of(),
        false,
        true,
        new ScheduleHandler(store));
  }

  /**
   * The scheduler of the platforms this process reaches.
   *
   * @param nudgeRepeatDays the days before the same stale quote is in a nudge again
   */
  public static Scheduler scheduler(
      ScheduleStore store,
      EventLog log,
      Commands commands,
      Map<Platform, Poster> posters,
      int nudgeRepeatDays,
      Clock clock) {
    return new Scheduler(
        store,
        log,
        posters,
        List.of(new ScorecardRoutine(commands), new NudgeRoutine(commands, store, nudgeRepeatDays)),
        clock,
        commands.metrics());
  }

  /**
   * A schedule from the configuration, set unless the routine was ever scheduled in that channel
   * (so a change made with {@code /schedule}, or a stop, outlives a restart).
   *
   * @param when as {@code /schedule} reads it ({@code monday 09:00}) or a cron expression
   * @throws IllegalArgumentException naming what is wrong
   */
  public static void seed(
      ScheduleStore store,
      EventLog log,
      WorkspaceId workspace,
      Platform platform,
      String channel,
      String routine,
      String when,
      Clock clock) {
    // The workspace's settings (created with the defaults if it is new) give the time zone.
    ZoneId zone = log.settings(workspace).zone();
    Schedule.Routine kind;
    try {
      kind = ScheduleHandler.routine(routine);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "routine must be scorecard or nudges, not \"" + routine + "\"");
    }
    String cron =
        ScheduleWhen.cron(when == null ? "" : when, ScheduleHandler.DEFAULT_CRON.get(kind))
            .filter(c -> CronTime.of(c, zone).next(clock.instant()).isPresent())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "when \""
                            + when
                            + "\" is not a time such as monday 09:00 or a cron expression"));
    if (store.find(workspace, kind, channel).isEmpty()) {
      store.set(workspace, kind, platform, channel, cron, zone, "config", clock.instant());
    }
  }
}
