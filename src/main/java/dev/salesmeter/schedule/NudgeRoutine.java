package dev.salesmeter.schedule;

import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Reply;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.store.Schedule;
import dev.salesmeter.store.ScheduleStore;
import dev.salesmeter.store.ScheduleStore.QuoteToChase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stale-quote nudge: each rep with stale quotes gets one private message listing them. A quote
 * is in a nudge at most once every {@code repeatDays} days, so a rep is not told the same thing
 * every morning; the quotes of a message are recorded as soon as it is sent, so a run that stopped
 * half-way and runs again skips the reps it reached.
 */
final class NudgeRoutine implements Routine {
  private static final Logger LOG = LoggerFactory.getLogger(NudgeRoutine.class);

  /** At most this many quotes are listed in one message; the rest are counted. */
  private static final int LISTED = 10;

  private final Commands commands;
  private final ScheduleStore store;
  private final int repeatDays;

  NudgeRoutine(Commands commands, ScheduleStore store, int repeatDays) {
    this.commands = commands;
    this.store = store;
    this.repeatDays = repeatDays;
  }

  @Override
  public Schedule.Routine kind() {
    return Schedule.Routine.NUDGES;
  }

  @Override
  public String period(ZonedDateTime due) {
    return due.toLocalDate().toString();
  }

  @Override
  public void run(
      Schedule schedule,
      ScheduleStore.Claim claim,
      Instant now,
      Poster poster,
      Runnable stillWorking)
      throws PostFailure {
    WorkspaceSettings settings = commands.settings(schedule.workspace());
    List<QuoteToChase> quotes =
        store.quotesToChase(
            schedule.workspace(),
            now.minus(Duration.ofDays(settings.staleQuoteDays())),
            now.minus(Duration.ofDays(repeatDays)));
    Map<String, List<QuoteToChase>> byRep = new LinkedHashMap<>();
    quotes.forEach(q -> byRep.computeIfAbsent(q.repPlatformId(), r -> new ArrayList<>()).add(q));
    Formats formats = Formats.of(settings);
    for (List<QuoteToChase> ofRep : byRep.values()) {
      stillWorking.run();
      try {
        poster.tell(
            schedule.workspace(),
            ofRep.get(0).repPlatformId(),
            nudge(ofRep, settings, formats, now));
      } catch (PostFailure failure) {
        if (!failure.unreachable()) {
          throw failure;
        }
        // A rep the platform cannot reach (left, or only ever named in text): the others still
        // get theirs; this rep is tried again at the next run.
        LOG.warn(
            "workspace={} nudge not delivered to a rep: {}",
            schedule.workspace(),
            failure.getMessage());
        continue;
      }
      try {
        store.nudged(ofRep.stream().map(QuoteToChase::opportunityId).toList(), now);
      } catch (RuntimeException e) {
        // Sent: telling the rep again in this run would be worse than a nudge a day early.
        LOG.warn(
            "workspace={} a sent nudge could not be recorded: {}",
            schedule.workspace(),
            e.toString());
      }
    }
  }

  private static Reply nudge(
      List<QuoteToChase> quotes, WorkspaceSettings settings, Formats formats, Instant now) {
    Messages messages = formats.messages();
    List<String> lines = new ArrayList<>();
    lines.add(messages.get("nudge.intro", quotes.size()));
    for (QuoteToChase quote : quotes.subList(0, Math.min(LISTED, quotes.size()))) {
      long days = Duration.between(quote.lastTouch(), now).toDays();
      lines.add(
          messages.get(
              "nudge.line",
              quote.customer(),
              formats.money(quote.value()),
              formats.date(quote.lastTouch().atZone(settings.zone()).toLocalDate()),
              days));
    }
    if (quotes.size() > LISTED) {
      lines.add(messages.get("nudge.more", quotes.size() - LISTED));
    }
    lines.add(messages.get("nudge.outro"));
    return new Reply(
        Optional.of(messages.get("nudge.title")),
        String.join("\n", lines),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        true);
  }
}
