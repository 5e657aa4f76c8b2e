package dev.salesmeter.schedule;

import dev.salesmeter.command.Parameter;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.Unexpected;
import dev.salesmeter.core.Metrics;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.Schedule;
import dev.salesmeter.store.ScheduleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what is due, exactly once: for each active schedule, the last time it was due (never an
 * older one, so a bot down for two weeks posts one scorecard, the last); that run is claimed in the
 * database, posted, and marked done once the platform confirmed. A run that fails is released and
 * tried again after a growing pause (30 s, 1, 2, 4 … at most 30 minutes). A run found more than
 * {@link #LATE_AFTER} after it was due says it is late. A channel that is gone, or where the bot
 * lost access, pauses its schedule, and the manager who set it is told once.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  /** How long a claim holds a run; longer than any post takes. */
  static final Duration CLAIM = Duration.ofMinutes(10);

  /** A run found this long after it was due is posted as late. */
  static final Duration LATE_AFTER = Duration.ofMinutes(15);

  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

  private final ScheduleStore store;
  private final EventLog log;
  private final Map<Platform, Poster> posters;
  private final Map<Schedule.Routine, Routine> routines;
  private final Clock clock;
  private final Metrics metrics;
  private final String owner = "process-" + UUID.randomUUID();
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "scheduler");
            thread.setDaemon(true);
            return thread;
          });

  Scheduler(
      ScheduleStore store,
      EventLog log,
      Map<Platform, Poster> posters,
      List<Routine> routines,
      Clock clock,
      Metrics metrics) {
    this.metrics = metrics;
    this.store = store;
    this.log = log;
    this.posters = Map.copyOf(posters);
    this.routines = routines.stream().collect(Collectors.toUnmodifiableMap(Routine::kind, r -> r));
    this.clock = clock;
  }

  /**
   * Checks for due runs every {@code every}, in a background thread, the first time after one
   * period (so that the platforms have connected).
   */
  public Scheduler start(Duration every) {
    ticks.scheduleWithFixedDelay(
        () -> {
          try {
            runDue();
          } catch (RuntimeException e) {
            LOG.error(
                "the scheduler's round failed; it tries again at the next: {}",
                Unexpected.causeChain(e));
            LOG.debug("the stack", e);
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  /** One round: every run due now that no one has done or is doing. Returns how many posted. */
  public int runDue() {
    int posted = 0;
    for (Schedule schedule : store.active(posters.keySet())) {
      try {
        if (runIfDue(schedule)) {
          posted++;
        }
      } catch (RuntimeException e) {
        // One schedule's trouble (a busy database, a time zone no longer known) is not the others'.
        // One line each, every round: a read-only database would otherwise log pages of stack.
        LOG.error(
            "workspace={} schedule={} failed: {}",
            schedule.workspace(),
            schedule.id(),
            Unexpected.causeChain(e));
        LOG.debug("the stack", e);
      }
    }
    return posted;
  }

  private boolean runIfDue(Schedule schedule) {
    Instant now = clock.instant();
    Routine routine = routines.get(schedule.routine());
    Optional<Instant> due = CronTime.of(schedule.cron(), schedule.zone()).last(now);
    if (routine == null || due.isEmpty() || due.get().isBefore(schedule.setAt())) {
      return false;
    }
    String period = routine.period(due.get().atZone(schedule.zone()));
    boolean late = Duration.between(due.get(), now).compareTo(LATE_AFTER) > 0;
    Optional<ScheduleStore.Claim> claimed =
        store.claim(schedule.id(), period, due.get(), owner, now, now.plus(CLAIM), late);
    if (claimed.isEmpty()) {
      return false; // done, being done by another process, or waiting for its next try
    }
    ScheduleStore.Claim claim = claimed.get();
    Poster poster = posters.get(schedule.platform());
    try {
      routine.run(
          schedule, claim, now, poster, () -> store.extend(claim, clock.instant().plus(CLAIM)));
    } catch (PostFailure failure) {
      if (failure.unreachable()) {
        metrics.scheduledRun(schedule.routine().key(), "paused");
        store.failed(claim, failure.getMessage(), clock.instant(), clock.instant());
        pause(schedule, failure.getMessage(), poster);
      } else {
        metrics.scheduledRun(schedule.routine().key(), "retry");
        retryLater(schedule, claim, failure.getMessage());
      }
      return false;
    } catch (RuntimeException e) {
      metrics.scheduledRun(schedule.routine().key(), "error");
      LOG.error(
          "workspace={} schedule={} failed: {}",
          schedule.workspace(),
          schedule.id(),
          Unexpected.causeChain(e));
      LOG.debug("the stack", e);
      retryLater(schedule, claim, e.toString());
      return false;
    }
    // Posted: from here on, never release the run for another post.
    metrics.scheduledRun(schedule.routine().key(), "posted");
    markDone(schedule, claim);
    LOG.info(
        "workspace={} schedule={} routine={} period={} posted{}",
        schedule.workspace(),
        schedule.id(),
        schedule.routine().key(),
        period,
        claim.late() ? " late" : "");
    return true;
  }

  /**
   * Records a posted run, trying a few times when the database is busy. If it cannot, the claim
   * runs out and the run may be posted again: the window DESIGN.md accepts, logged.
   */
  private void markDone(Schedule schedule, ScheduleStore.Claim claim) {
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        if (!store.done(claim, clock.instant())) {
          LOG.error(
              "workspace={} schedule={} period={}: posted after the claim ran out; another"
                  + " process may have posted it too",
              schedule.workspace(),
              schedule.id(),
              claim.period());
        }
        return;
      } catch (RuntimeException e) {
        LOG.warn(
            "workspace={} schedule={} period={}: recording the post failed (attempt {}): {}",
            schedule.workspace(),
            schedule.id(),
            claim.period(),
            attempt,
            e.toString());
      }
    }
    LOG.error(
        "workspace={} schedule={} period={}: posted but not recorded; it may be posted again"
            + " when the claim runs out",
        schedule.workspace(),
        schedule.id(),
        claim.period());
  }

  private void retryLater(Schedule schedule, ScheduleStore.Claim claim, String problem) {
    Duration pause = FIRST_RETRY.multipliedBy(1L << Math.min(claim.attempt() - 1, 16));
    if (pause.compareTo(LONGEST_RETRY) > 0) {
      pause = LONGEST_RETRY;
    }
    Instant now = clock.instant();
    store.failed(claim, problem, now, now.plus(pause));
    LOG.warn(
        "workspace={} schedule={} period={} attempt {} failed ({}); trying again in {} s",
        schedule.workspace(),
        schedule.id(),
        claim.period(),
        claim.attempt(),
        problem,
        pause.toSeconds());
  }

  /** Pauses the schedule and, the first time, tells the manager who set it why. */
  private void pause(Schedule schedule, String reason, Poster poster) {
    if (!store.pause(schedule.id(), reason)) {
      return;
    }
    LOG.warn("workspace={} schedule={} paused: {}", schedule.workspace(), schedule.id(), reason);
    WorkspaceSettings settings = log.settings(schedule.workspace());
    Messages messages = Messages.of(settings.locale());
    String text =
        messages.get(
            "schedule.paused",
            messages.get("schedule.routine." + schedule.routine().key()),
            reason,
            Parameter.SCHEDULE_ROUTINE
                .choicesIn(settings.locale())
                .get(schedule.routine().ordinal()));
    try {
      poster.tell(schedule.workspace(), schedule.setBy(), Reply.privately(text));
    } catch (PostFailure failure) {
      LOG.warn(
          "workspace={} schedule={}: the manager could not be told it paused: {}",
          schedule.workspace(),
          schedule.id(),
          failure.getMessage());
    }
  }

  @Override
  public void close() {
    ticks.shutdownNow();
  }
}
