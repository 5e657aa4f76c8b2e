package dev.salesmeter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.schedule.MovingClock;
import dev.salesmeter.schedule.Poster;
import dev.salesmeter.schedule.Scheduler;
import dev.salesmeter.schedule.Schedules;
import dev.salesmeter.store.Schedule;
import dev.salesmeter.store.ScheduleStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weekly scorecard on schedule, through the real JDA to a local Discord. */
final class DiscordScheduledPostTest {
  @TempDir Path folder;

  @Test
  @DisplayName("one scorecard embed with its picture per week; a channel that is gone pauses")
  void oncePerWeek() throws Exception {
    try (TestWorkspace team =
            new TestWorkspace(folder, Locale.ENGLISH, LocalDateTime.of(2026, 4, 6, 12, 0));
        FakeDiscord discord = new FakeDiscord()) {
      WorkspaceId acme = new WorkspaceId(FakeDiscord.ACME);
      team.run(acme, "@anna /sale Acme 4200 date:2026-03-17", "seed-1");
      DiscordAdapter adapter =
          new DiscordAdapter(
              team.commands(),
              team.suggestions(),
              new DiscordAdapter.Settings(Set.of(FakeDiscord.ACME), Set.of()));
      try (DiscordConnection connection =
          DiscordConnection.start(
              "Bot-token.scheduled.x", discord.apiUrl(), discord.gatewayUrl(), adapter)) {
        assertThat(discord.registrations.poll(30, TimeUnit.SECONDS)).isNotNull();
        ScheduleStore store = new ScheduleStore(team.database());
        MovingClock clock = new MovingClock("2026-03-22T11:00:00Z");
        for (String channel : List.of(FakeDiscord.ACME_CHANNEL, "719999999999999999")) {
          store.set(
              acme,
              Schedule.Routine.SCORECARD,
              Platform.DISCORD,
              channel,
              "0 9 * * 1",
              ZoneId.of("Europe/Amsterdam"),
              FakeDiscord.LISA.id(),
              clock.instant());
        }
        Map<Platform, Poster> posters = Map.of(Platform.DISCORD, adapter);
        Scheduler scheduler =
            Schedules.scheduler(store, team.log(), team.commands(), posters, 3, clock);
        clock.set("2026-03-23T08:00:15Z");
        assertThat(scheduler.runDue()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(30));
        assertThat(scheduler.runDue()).isZero();
        List<FakeDiscord.Request> posts =
            discord.channelMessages.stream()
                .filter(r -> r.path().equals("/channels/" + FakeDiscord.ACME_CHANNEL + "/messages"))
                .toList();
        assertThat(posts).hasSize(1);
        String body = new String(posts.get(0).body(), StandardCharsets.UTF_8);
        assertThat(body)
            .contains("Scorecard — week 12, 2026 (16–22 Mar)")
            .contains("attachment://");
        assertThat(new String(posts.get(0).body(), StandardCharsets.ISO_8859_1))
            .contains("\u0089PNG");
        // the second channel does not exist: paused, and Lisa is told once, privately
        assertThat(store.schedules(acme))
            .filteredOn(s -> s.state() == Schedule.State.PAUSED)
            .extracting(Schedule::channel)
            .containsExactly("719999999999999999");
        List<FakeDiscord.Request> told =
            discord.channelMessages.stream()
                .filter(r -> r.path().startsWith("/channels/74"))
                .toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0).text())
            .contains("I paused the weekly scorecard: I can no longer post in its channel")
            .contains("/schedule scorecard here");
        clock.set("2026-03-30T07:00:15Z");
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(discord.channelMessages)
            .hasSize(3); // week 13 in Acme's channel; no second notice
      }
    }
  }
}
