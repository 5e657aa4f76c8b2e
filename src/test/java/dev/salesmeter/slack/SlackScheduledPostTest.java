package dev.salesmeter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Platform;
import dev.salesmeter.schedule.MovingClock;
import dev.salesmeter.schedule.Poster;
import dev.salesmeter.schedule.Scheduler;
import dev.salesmeter.schedule.Schedules;
import dev.salesmeter.store.Schedule;
import dev.salesmeter.store.ScheduleStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weekly scorecard on schedule, through the real Slack SDK to a local Slack. */
final class SlackScheduledPostTest {
  @TempDir Path folder;

  @Test
  @DisplayName("two channels: each gets exactly one scorecard message with one picture per week")
  void oncePerChannelPerWeek() throws Exception {
    try (TestWorkspace team =
            new TestWorkspace(folder, Locale.ENGLISH, LocalDateTime.of(2026, 4, 6, 12, 0));
        FakeSlack slack = new FakeSlack()) {
      team.log("@anna /sale Acme 4200 date:2026-03-17");
      SlackAdapter adapter =
          new SlackAdapter(
              team.commands(),
              new SlackAdapter.Settings("xoxb-test", null, slack.apiUrl(), Set.of()));
      ScheduleStore store = new ScheduleStore(team.database());
      MovingClock clock = new MovingClock("2026-03-22T11:00:00Z");
      for (String channel : new String[] {"C1", "C2"}) {
        store.set(
            TestWorkspace.WORKSPACE,
            Schedule.Routine.SCORECARD,
            Platform.SLACK,
            channel,
            "0 9 * * 1",
            ZoneId.of("Europe/Amsterdam"),
            "lisa",
            clock.instant());
      }
      Map<Platform, Poster> posters = Map.of(Platform.SLACK, adapter);
      Scheduler scheduler =
          Schedules.scheduler(store, team.log(), team.commands(), posters, 3, clock);
      clock.set("2026-03-23T08:00:15Z"); // Monday 09:00 in Amsterdam
      assertThat(scheduler.runDue()).isEqualTo(2);
      clock.advance(Duration.ofMinutes(30));
      assertThat(scheduler.runDue()).isZero();
      // a restart: a new scheduler on the same database
      assertThat(
              Schedules.scheduler(store, team.log(), team.commands(), posters, 3, clock).runDue())
          .isZero();
      assertThat(slack.calls("chat.postMessage"))
          .extracting(call -> FakeSlack.channelOf(call.body()))
          .containsExactlyInAnyOrder("C1", "C2");
      assertThat(FakeSlack.formValue(slack.calls("chat.postMessage").get(0).body(), "text"))
          .startsWith("Scorecard — week 12, 2026 (16–22 Mar)");
      assertThat(slack.calls("files.completeUploadExternal"))
          .extracting(call -> FakeSlack.formValue(call.body(), "channel_id"))
          .containsExactlyInAnyOrder("C1", "C2");
      assertThat(slack.uploads).hasSize(2);
      for (byte[] png : slack.uploads) {
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
      }
    }
  }
}
