package dev.salesmeter.store;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Schedules and their runs. A run is claimed in the database before it posts and marked done after
 * the platform confirmed, so that two processes on one database never both post it and a restart
 * never posts it twice. A claim lasts a few minutes: a process that died with a claim holds it no
 * longer than that (the one window DESIGN.md accepts).
 */
public final class ScheduleStore {
  private static final String RUN_COLUMNS =
      "schedule_id, period, due_at, attempts, done_at, last_error";

  private static final String COLUMNS =
      "id, workspace_id, routine, platform, channel, cron, time_zone, state, paused_reason,"
          + " set_by, set_at";

  /** A claimed run: whose claim, which attempt this is, and whether it is late. */
  public record Claim(
      long scheduleId, String period, Instant dueAt, String owner, int attempt, boolean late) {}

  /** A run's record, as the list and the tests read it. */
  public record Run(
      long scheduleId,
      String period,
      Instant dueAt,
      int attempts,
      Optional<Instant> doneAt,
      Optional<String> lastError) {}

  /** A stale quote to nudge its rep about. */
  public record QuoteToChase(
      long opportunityId,
      String repPlatformId,
      String rep,
      String customer,
      Money value,
      Instant lastTouch) {}

  private final Jdbi jdbi;
  private final Database database;

  public ScheduleStore(Database database) {
    this.jdbi = database.jdbi();
    this.database = database;
  }

  /**
   * Sets the routine's schedule in the channel: a new one, or new times for the one there (which
   * also resumes it if it was paused or stopped). The nudges have one schedule per workspace:
   * setting them in a channel stops them in any other.
   */
  public Schedule set(
      WorkspaceId workspace,
      Schedule.Routine routine,
      Platform platform,
      String channel,
      String cron,
      ZoneId zone,
      String setBy,
      Instant now) {
    return database.write(
        handle -> {
          if (routine == Schedule.Routine.NUDGES) {
            // Nudges go to the reps, not to the channel: two schedules would tell them twice.
            handle
                .createUpdate(
                    "UPDATE schedules SET state = 'stopped' WHERE workspace_id = :ws"
                        + " AND routine = 'nudges' AND channel <> :channel")
                .bind("ws", workspace.value())
                .bind("channel", channel)
                .execute();
          }
          return handle
              .createQuery(
                  "INSERT INTO schedules (workspace_id, routine, platform, channel, cron,"
                      + " time_zone, state, paused_reason, set_by, set_at) VALUES (:ws, :routine,"
                      + " :platform, :channel, :cron, :zone, 'active', NULL, :by, :now)"
                      + " ON CONFLICT (workspace_id, routine, channel) DO UPDATE SET"
                      + " platform = excluded.platform, cron = excluded.cron,"
                      + " time_zone = excluded.time_zone, state = 'active', paused_reason = NULL,"
                      + " set_by = excluded.set_by, set_at = excluded.set_at RETURNING "
                      + COLUMNS)
              .bind("ws", workspace.value())
              .bind("routine", routine.key())
              .bind("platform", platform.name().toLowerCase(Locale.ROOT))
              .bind("channel", channel)
              .bind("cron", cron)
              .bind("zone", zone.getId())
              .bind("by", setBy)
              .bind("now", now.toEpochMilli())
              .map(ScheduleStore::schedule)
              .one();
        });
  }

  /** The workspace's schedules that are not stopped, by routine and channel. */
  public List<Schedule> schedules(WorkspaceId workspace) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM schedules WHERE workspace_id = :ws AND state <> 'stopped'"
                        + " ORDER BY routine, channel")
                .bind("ws", workspace.value())
                .map(ScheduleStore::schedule)
                .list());
  }

  /** The routine's schedule in the channel, stopped or not. */
  public Optional<Schedule> find(WorkspaceId workspace, Schedule.Routine routine, String channel) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM schedules WHERE workspace_id = :ws AND routine = :routine"
                        + " AND channel = :channel")
                .bind("ws", workspace.value())
                .bind("routine", routine.key())
                .bind("channel", channel)
                .map(ScheduleStore::schedule)
                .findOne());
  }

  /** Every active schedule of the platforms given (those this process reaches). */
  public List<Schedule> active(Collection<Platform> platforms) {
    if (platforms.isEmpty()) {
      return List.of();
    }
    // The platforms are an enum's names: safe to write into the statement (the project runs
    // Jdbi without a template engine).
    String in =
        platforms.stream()
            .map(p -> "'" + p.name().toLowerCase(Locale.ROOT) + "'")
            .collect(Collectors.joining(", "));
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM schedules WHERE state = 'active' AND platform IN ("
                        + in
                        + ") ORDER BY id")
                .map(ScheduleStore::schedule)
                .list());
  }

  /** Stops a schedule; false if it was stopped already. */
  public boolean stop(long scheduleId) {
    return database.write(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE schedules SET state = 'stopped' WHERE id = :id"
                            + " AND state <> 'stopped'")
                    .bind("id", scheduleId)
                    .execute())
        == 1;
  }

  /** Pauses an active schedule, saying why; false if it was not active (so it is told once). */
  public boolean pause(long scheduleId, String reason) {
    return database.write(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE schedules SET state = 'paused', paused_reason = :reason"
                            + " WHERE id = :id AND state = 'active'")
                    .bind("id", scheduleId)
                    .bind("reason", reason)
                    .execute())
        == 1;
  }

  /**
   * Claims the run of a schedule for a period, unless the schedule is no longer active, or the run
   * is done, claimed by another process whose claim has not expired, or waiting for its next
   * attempt.
   *
   * @param owner who claims (this process): only the owner may extend, finish or release it
   * @param until when the claim expires if it is never released
   * @param late whether the run is late (the process was not running when it was due)
   */
  public Optional<Claim> claim(
      long scheduleId,
      String period,
      Instant dueAt,
      String owner,
      Instant now,
      Instant until,
      boolean late) {
    return database.write(
        handle ->
            handle
                .createQuery(
                    // "WHERE EXISTS" also keeps the upsert's ON CONFLICT from reading as a join.
                    "INSERT INTO schedule_runs (schedule_id, period, due_at, claimed_by,"
                        + " claimed_until, attempts, next_attempt_at, late)"
                        + " SELECT :id, :period, :due, :owner, :until, 1, 0, :late"
                        + " WHERE EXISTS (SELECT 1 FROM schedules WHERE id = :id"
                        + " AND state = 'active')"
                        + " ON CONFLICT (schedule_id, period) DO UPDATE SET"
                        + " claimed_by = excluded.claimed_by, claimed_until = excluded.claimed_until,"
                        + " attempts = schedule_runs.attempts + 1"
                        + " WHERE schedule_runs.done_at IS NULL AND schedule_runs.claimed_until <= :now"
                        + " AND schedule_runs.next_attempt_at <= :now"
                        + " RETURNING attempts, late")
                .bind("id", scheduleId)
                .bind("period", period)
                .bind("due", dueAt.toEpochMilli())
                .bind("owner", owner)
                .bind("until", until.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .bind("late", late ? 1 : 0)
                .map(
                    (rs, ctx) ->
                        new Claim(
                            scheduleId,
                            period,
                            dueAt,
                            owner,
                            rs.getInt("attempts"),
                            rs.getInt("late") == 1))
                .findOne());
  }

  /**
   * Holds a claim longer, for a run that is still posting (a nudge to each of many reps); false if
   * the claim is no longer this owner's.
   */
  public boolean extend(Claim claim, Instant until) {
    return ownersUpdate(claim, "claimed_until = :until", "until", until.toEpochMilli());
  }

  /**
   * Marks a claimed run done: the platform confirmed the post. False if the claim was no longer
   * this owner's (it expired and another process took the run), which the caller logs.
   */
  public boolean done(Claim claim, Instant now) {
    return ownersUpdate(claim, "done_at = :value, last_error = NULL", "value", now.toEpochMilli());
  }

  /** Releases a claimed run that failed, to be tried again from {@code retryAt}. */
  public void failed(Claim claim, String error, Instant now, Instant retryAt) {
    database.write(
        handle ->
            handle
                .createUpdate(
                    "UPDATE schedule_runs SET claimed_until = :now, next_attempt_at = :retry,"
                        + " last_error = :error WHERE schedule_id = :id AND period = :period"
                        + " AND claimed_by = :owner AND done_at IS NULL")
                .bind("id", claim.scheduleId())
                .bind("period", claim.period())
                .bind("owner", claim.owner())
                .bind("now", now.toEpochMilli())
                .bind("retry", retryAt.toEpochMilli())
                .bind("error", error)
                .execute());
  }

  /** An update of a run that is still this owner's and not done; whether it was. */
  private boolean ownersUpdate(Claim claim, String set, String name, long value) {
    return database.write(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE schedule_runs SET "
                            + set
                            + " WHERE schedule_id = :id AND period = :period"
                            + " AND claimed_by = :owner AND done_at IS NULL")
                    .bind("id", claim.scheduleId())
                    .bind("period", claim.period())
                    .bind("owner", claim.owner())
                    .bind(name, value)
                    .execute())
        == 1;
  }

  /** The record of a schedule's run for a period, if it was ever claimed. */
  public Optional<Run> run(long scheduleId, String period) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + RUN_COLUMNS
                        + " FROM schedule_runs WHERE schedule_id = :id AND period = :period")
                .bind("id", scheduleId)
                .bind("period", period)
                .map(ScheduleStore::runOf)
                .findOne());
  }

  /** The last run a schedule posted, if any. */
  public Optional<Run> lastDone(long scheduleId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + RUN_COLUMNS
                        + " FROM schedule_runs WHERE schedule_id = :id AND done_at IS NOT NULL"
                        + " ORDER BY due_at DESC LIMIT 1")
                .bind("id", scheduleId)
                .map(ScheduleStore::runOf)
                .findOne());
  }

  /**
   * The workspace's stale quotes (open, last touched before {@code staleBefore}) that were not in a
   * nudge since {@code nudgedBefore}, by rep, oldest first.
   */
  public List<QuoteToChase> quotesToChase(
      WorkspaceId workspace, Instant staleBefore, Instant nudgedBefore) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT f.opportunity_id, r.platform_user_id, r.display_name, c.name,"
                        + " f.quote_cents, f.last_touch_at FROM opportunity_facts f"
                        + " JOIN reps r ON r.id = f.rep_id JOIN customers c ON c.id = f.customer_id"
                        + " LEFT JOIN quote_nudges n ON n.opportunity_id = f.opportunity_id"
                        + " WHERE "
                        + StaleQuotes.OPEN_AND_UNTOUCHED
                        + " AND (n.nudged_at IS NULL OR n.nudged_at < :nudgedBefore)"
                        + " ORDER BY r.display_name, r.id, f.last_touch_at, f.opportunity_id")
                .bind("ws", workspace.value())
                .bind("before", staleBefore.toEpochMilli())
                .bind("nudgedBefore", nudgedBefore.toEpochMilli())
                .map(
                    (rs, ctx) ->
                        new QuoteToChase(
                            rs.getLong("opportunity_id"),
                            rs.getString("platform_user_id"),
                            rs.getString("display_name"),
                            rs.getString("name"),
                            Money.ofCents(rs.getLong("quote_cents")),
                            Instant.ofEpochMilli(rs.getLong("last_touch_at"))))
                .list());
  }

  /** Records that these quotes were in a nudge now. */
  public void nudged(Collection<Long> opportunityIds, Instant now) {
    database.write(
        handle -> {
          var batch =
              handle.prepareBatch(
                  "INSERT INTO quote_nudges (opportunity_id, nudged_at) VALUES (:id, :now)"
                      + " ON CONFLICT (opportunity_id) DO UPDATE SET nudged_at = excluded.nudged_at");
          for (long id : opportunityIds) {
            batch.bind("id", id).bind("now", now.toEpochMilli()).add();
          }
          if (!opportunityIds.isEmpty()) {
            batch.execute();
          }
          return null;
        });
  }

  private static Schedule schedule(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Schedule(
        rs.getLong("id"),
        new WorkspaceId(rs.getString("workspace_id")),
        Schedule.Routine.valueOf(rs.getString("routine").toUpperCase(Locale.ROOT)),
        Platform.valueOf(rs.getString("platform").toUpperCase(Locale.ROOT)),
        rs.getString("channel"),
        rs.getString("cron"),
        ZoneId.of(rs.getString("time_zone")),
        Schedule.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
        Optional.ofNullable(rs.getString("paused_reason")),
        rs.getString("set_by"),
        Instant.ofEpochMilli(rs.getLong("set_at")));
  }

  private static Run runOf(ResultSet rs, StatementContext ctx) throws SQLException {
    long done = rs.getLong("done_at");
    boolean notDone = rs.wasNull();
    return new Run(
        rs.getLong("schedule_id"),
        rs.getString("period"),
        Instant.ofEpochMilli(rs.getLong("due_at")),
        rs.getInt("attempts"),
        notDone ? Optional.empty() : Optional.of(Instant.ofEpochMilli(done)),
        Optional.ofNullable(rs.getString("last_error")));
  }
}
