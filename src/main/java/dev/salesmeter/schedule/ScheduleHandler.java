package dev.salesmeter.schedule;

import dev.salesmeter.command.CommandHandler;
import dev.salesmeter.command.CommandRequest;
import dev.salesmeter.command.InvalidInput;
import dev.salesmeter.command.Parameter;
import dev.salesmeter.command.Reply;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.Schedule;
import dev.salesmeter.store.ScheduleStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /schedule} ({@code /planning}), for managers: {@code /schedule scorecard here monday
 * 09:00} posts the weekly scorecard in this channel at that time (the workspace's time zone),
 * {@code /schedule nudges here weekdays 10:00} sends the stale-quote nudges, {@code /schedule list}
 * shows what is scheduled with the next times, {@code /schedule stop scorecard} stops it.
 */
final class ScheduleHandler implements CommandHandler {
  /** When a schedule runs unless the manager says otherwise. */
  static final Map<Schedule.Routine, String> DEFAULT_CRON =
      Map.of(Schedule.Routine.SCORECARD, "0 9 * * 1", Schedule.Routine.NUDGES, "0 10 * * 1-5");

  private final ScheduleStore store;

  ScheduleHandler(ScheduleStore store) {
    this.store = store;
  }

  @Override
  public Reply handle(CommandRequest request) {
    Messages messages = request.formats().messages();
    if (request.platform() == Platform.CONSOLE) {
      return Reply.privately(messages.get("schedule.console"));
    }
    List<String> words =
        new ArrayList<>(
            request
                .arguments()
                .text()
                .map(text -> Arrays.asList(text.strip().split("\\s+")))
                .orElse(List.of()));
    if (words.isEmpty() || isAction(words.get(0), 2)) {
      if (words.size() > 1) {
        throw new InvalidInput("error.unexpectedWord", words.get(1));
      }
      return list(request);
    }
    if (isAction(words.get(0), 3)) {
      if (words.size() != 2) {
        throw new InvalidInput("error.scheduleStopWhat");
      }
      return stop(request, routine(words.get(1)));
    }
    Schedule.Routine routine = routine(words.get(0));
    words.remove(0);
    if (!words.isEmpty()
        && (words.get(0).equalsIgnoreCase("here") || words.get(0).equalsIgnoreCase("hier"))) {
      words.remove(0);
    }
    String when = String.join(" ", words);
    String cron =
        ScheduleWhen.cron(when, DEFAULT_CRON.get(routine))
            .filter(c -> CronTime.of(c, request.settings().zone()).next(request.now()).isPresent())
            .orElseThrow(() -> new InvalidInput("error.scheduleWhen", when));
    Schedule schedule =
        store.set(
            request.workspace(),
            routine,
            request.platform(),
            request.channel(),
            cron,
            request.settings().zone(),
            request.user().platformUserId(),
            request.now());
    return new Reply(
        Optional.empty(),
        messages.get(
            "schedule.set",
            messages.get("schedule.routine." + routine.key()),
            ScheduleWhen.describe(cron, messages),
            request.settings().zone().getId(),
            next(schedule, request)),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        true);
  }

  /** Whether a word is the n-th action word (list, stop) in English or Dutch. */
  private static boolean isAction(String word, int index) {
    String lower = word.toLowerCase(Locale.ROOT);
    return lower.equals(Parameter.SCHEDULE_ACTION.choices().get(index))
        || lower.equals(Parameter.SCHEDULE_ACTION.dutchChoices().get(index));
  }

  /** The routine a word names: scorecard or nudges, in English or Dutch, singular or plural. */
  static Schedule.Routine routine(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    List<String> english = Parameter.SCHEDULE_ROUTINE.choices();
    List<String> dutch = Parameter.SCHEDULE_ROUTINE.dutchChoices();
    for (int i = 0; i < english.size(); i++) {
      if (lower.equals(english.get(i))
          || lower.equals(dutch.get(i))
          || lower.equals(english.get(i).replaceFirst("s$", ""))
          || lower.equals(dutch.get(i).replaceFirst("en$", ""))) {
        return Schedule.Routine.values()[i];
      }
    }
    throw new InvalidInput("error.scheduleWhat", word);
  }

  private Reply list(CommandRequest request) {
    Formats formats = request.formats();
    Messages messages = formats.messages();
    List<Schedule> schedules = store.schedules(request.workspace());
    if (schedules.isEmpty()) {
      return Reply.privately(messages.get("schedule.none"));
    }
    List<String> lines = new ArrayList<>();
    for (Schedule schedule : schedules) {
      String what = messages.get("schedule.routine." + schedule.routine().key());
      String when = ScheduleWhen.describe(schedule.cron(), messages);
      String state =
          schedule.state() == Schedule.State.PAUSED
              ? messages.get("schedule.pausedState", schedule.pausedReason().orElse(""))
              : messages.get("schedule.nextState", next(schedule, request));
      String last =
          store
              .lastDone(schedule.id())
              .map(run -> " " + messages.get("schedule.lastState", run.period()))
              .orElse("");
      lines.add(
          messages.get(
                  "schedule.line",
                  what,
                  channel(schedule, request),
                  when,
                  schedule.zone().getId(),
                  state)
              + last);
    }
    return new Reply(
        Optional.of(messages.get("schedule.listTitle")),
        String.join("\n", lines),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        true);
  }

  private Reply stop(CommandRequest request, Schedule.Routine routine) {
    Messages messages = request.formats().messages();
    List<Schedule> ofRoutine =
        store.schedules(request.workspace()).stream()
            .filter(schedule -> schedule.routine() == routine)
            .toList();
    Optional<Schedule> target =
        ofRoutine.stream()
            .filter(schedule -> schedule.channel().equals(request.channel()))
            .findFirst()
            .or(() -> ofRoutine.size() == 1 ? Optional.of(ofRoutine.get(0)) : Optional.empty());
    String what = messages.get("schedule.routine." + routine.key());
    if (target.isEmpty()) {
      if (ofRoutine.isEmpty()) {
        return Reply.privately(messages.get("schedule.notScheduled", what));
      }
      throw new InvalidInput("error.scheduleStopWhere", what);
    }
    store.stop(target.get().id());
    return Reply.privately(messages.get("schedule.stopped", what, channel(target.get(), request)));
  }

  /** "here", or the other channel by its id (replies show text literally, never as a link). */
  private static String channel(Schedule schedule, CommandRequest request) {
    return schedule.channel().equals(request.channel())
        ? request.formats().messages().get("schedule.here")
        : "#" + schedule.channel();
  }

  private static String next(Schedule schedule, CommandRequest request) {
    return CronTime.of(schedule.cron(), schedule.zone())
        .next(request.now())
        .map(request.formats()::dateTime)
        .orElse("—");
  }
}
