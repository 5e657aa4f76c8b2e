package dev.salesmeter.schedule;

import dev.salesmeter.command.CommandInput;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Reply;
import dev.salesmeter.core.Actor;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.Schedule;
import dev.salesmeter.store.ScheduleStore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/**
 * The weekly scorecard, posted to the schedule's channel about the ISO week that ended before the
 * run was due. It is {@code /scorecard <week>} itself, so the post and the command show the same.
 */
final class ScorecardRoutine implements Routine {
  /** Who asks for a scheduled scorecard. */
  static final Actor SCHEDULER = new Actor("salesmeter", "Salesmeter", true);

  private final Commands commands;

  ScorecardRoutine(Commands commands) {
    this.commands = commands;
  }

  @Override
  public Schedule.Routine kind() {
    return Schedule.Routine.SCORECARD;
  }

  @Override
  public String period(ZonedDateTime due) {
    LocalDate inLastWeek = due.toLocalDate().with(DayOfWeek.MONDAY).minusDays(1);
    return "%d-W%02d"
        .formatted(
            inLastWeek.get(IsoFields.WEEK_BASED_YEAR),
            inLastWeek.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  @Override
  public void run(
      Schedule schedule,
      ScheduleStore.Claim claim,
      Instant now,
      Poster poster,
      Runnable stillWorking)
      throws PostFailure {
    Reply scorecard =
        commands.handle(
            new CommandInput(
                schedule.platform(),
                schedule.workspace(),
                SCHEDULER,
                schedule.channel(),
                "schedule-" + schedule.id() + "-" + claim.period(),
                "scorecard",
                claim.period()));
    if (scorecard.ephemeral()) {
      // Not a scorecard but an error (logged with its ref by the commands): try again later.
      throw PostFailure.forNow("the scorecard could not be made: " + scorecard.text());
    }
    if (claim.late()) {
      Formats formats = Formats.of(commands.settings(schedule.workspace()));
      Messages messages = formats.messages();
      String note =
          messages.get(
              "schedule.late",
              formats.dateTime(claim.dueAt()),
              ScheduleWhen.describe(schedule.cron(), messages));
      scorecard =
          new Reply(
              scorecard.title(),
              note + "\n" + scorecard.text(),
              scorecard.fields(),
              scorecard.context(),
              scorecard.chart(),
              false);
    }
    poster.post(
        schedule.workspace(),
        schedule.channel(),
        scorecard,
        "s" + schedule.id() + "-" + claim.period());
  }
}
