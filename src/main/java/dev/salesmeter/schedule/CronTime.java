package dev.salesmeter.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * When a schedule runs: a five-field cron expression ({@code 0 9 * * 1} is Monday 09:00) read as
 * wall-clock time in a time zone. The times are found on the local calendar and only then placed in
 * the zone, so a 09:00 post stays at 09:00 through daylight-saving changes; a time that does not
 * exist that night (02:30 when clocks jump from 02:00 to 03:00) moves to the first minute that does
 * (03:00), and a time that happens twice (02:30 when clocks go back) runs once, the first time.
 */
public final class CronTime {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ExecutionTime times;
  private final ZoneId zone;

  private CronTime(String expression, ExecutionTime times, ZoneId zone) {
    this.expression = expression;
    this.times = times;
    this.zone = zone;
  }

  /**
   * @throws IllegalArgumentException when the expression is not a valid five-field cron
   */
  public static CronTime of(String expression, ZoneId zone) {
    Cron cron = PARSER.parse(expression.strip());
    cron.validate();
    return new CronTime(cron.asString(), ExecutionTime.forCron(cron), zone);
  }

  /** Whether the expression is a valid five-field cron. */
  public static boolean isValid(String expression) {
    try {
      PARSER.parse(expression.strip()).validate();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The first run strictly after the instant. */
  public Optional<Instant> next(Instant after) {
    LocalDateTime local = LocalDateTime.ofInstant(after, zone);
    // An hour back covers the second pass through a repeated hour; the check skips the past.
    LocalDateTime from = local.minusHours(1);
    for (int guard = 0; guard < 1000; guard++) {
      Optional<LocalDateTime> candidate = nextLocal(from);
      if (candidate.isEmpty()) {
        return Optional.empty();
      }
      Instant at = place(candidate.get());
      if (at.isAfter(after)) {
        return Optional.of(at);
      }
      from = candidate.get();
    }
    return Optional.empty();
  }

  /** The last run at or before the instant. */
  public Optional<Instant> last(Instant atOrBefore) {
    LocalDateTime local = LocalDateTime.ofInstant(atOrBefore, zone);
    // Start an hour ahead (a repeated hour, or a moved gap time), then step back to the past.
    LocalDateTime from = local.plusHours(1).plusMinutes(1);
    for (int guard = 0; guard < 1000; guard++) {
      Optional<LocalDateTime> candidate = lastLocal(from);
      if (candidate.isEmpty()) {
        return Optional.empty();
      }
      Instant at = place(candidate.get());
      if (!at.isAfter(atOrBefore)) {
        return Optional.of(at);
      }
      from = candidate.get();
    }
    return Optional.empty();
  }

  /** The next matching wall-clock time after a wall-clock time, ignoring zones. */
  private Optional<LocalDateTime> nextLocal(LocalDateTime after) {
    return times
        .nextExecution(after.atZone(ZoneOffset.UTC))
        .map(time -> time.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
  }

  private Optional<LocalDateTime> lastLocal(LocalDateTime before) {
    return times
        .lastExecution(before.atZone(ZoneOffset.UTC))
        .map(time -> time.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
  }

  /**
   * A wall-clock time as an instant in the zone: a skipped time at the jump, a doubled one once.
   */
  private Instant place(LocalDateTime local) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      return gap.getInstant();
    }
    return local.toInstant(offsets.get(0));
  }

  @Override
  public String toString() {
    return expression + " (" + zone.getId() + ")";
  }
}
