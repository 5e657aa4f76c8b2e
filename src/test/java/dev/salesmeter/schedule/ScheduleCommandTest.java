package dev.salesmeter.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.Reply;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.Schedule;
import dev.salesmeter.store.ScheduleStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /schedule} typed in Slack's channel C-sales, on Tuesday 31 March 2026 at 17:00 in
 * Amsterdam (summer time).
 */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class ScheduleCommandTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;
  TestWorkspace team;
  ScheduleStore store;

  @BeforeEach
  void open() {
    team = TestWorkspace.english(engine, folder);
    store = new ScheduleStore(team.database());
  }

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  @DisplayName("a manager schedules the scorecard here; the reply says when it posts next")
  void set() {
    Reply reply = team.run("/schedule scorecard here monday 09:00");
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text())
        .isEqualTo(
            "The weekly scorecard is scheduled here: Mondays at 09:00 (Europe/Amsterdam)."
                + " Next: 6 Apr 2026 09:00.");
    Schedule schedule = store.schedules(TestWorkspace.WORKSPACE).get(0);
    assertThat(schedule.cron()).isEqualTo("0 9 * * 1");
    assertThat(schedule.channel()).isEqualTo("C-sales");
    assertThat(schedule.setBy()).isEqualTo("lisa");
    // the defaults: Monday 09:00 for the scorecard, weekdays 10:00 for the nudges
    assertThat(team.run("/schedule nudges").text())
        .contains("weekdays at 10:00")
        .contains("Next: 1 Apr 2026 10:00");
    // a new time replaces the old, in the same schedule
    assertThat(team.run("/schedule scorecard friday 16:30").text()).contains("Fridays at 16:30");
    assertThat(store.schedules(TestWorkspace.WORKSPACE)).hasSize(2);
    assertThat(team.run("/schedule scorecard \"30 8 1 * *\"").text())
        .contains("at the times of \"30 8 1 * *\"")
        .contains("Next: 1 Apr 2026 08:30");
  }

  @Test
  @DisplayName("list shows each schedule with its next time; stop stops it")
  void listAndStop() {
    assertThat(team.run("/schedule").text()).startsWith("Nothing is scheduled.");
    team.run("/schedule scorecard here monday 09:00");
    team.run("/schedule nudges here weekdays 10:00");
    Reply list = team.run("/schedule list");
    assertThat(list.title()).contains("Schedules");
    assertThat(list.text())
        .isEqualTo(
            "• stale-quote nudge in this channel: weekdays at 10:00 (Europe/Amsterdam), next 1 Apr"
                + " 2026 10:00\n"
                + "• weekly scorecard in this channel: Mondays at 09:00 (Europe/Amsterdam), next 6"
                + " Apr 2026 09:00");
    assertThat(team.run("/schedule stop scorecard").text())
        .isEqualTo("The weekly scorecard in this channel is stopped.");
    assertThat(team.run("/schedule list").text()).doesNotContain("scorecard");
    assertThat(team.run("/schedule stop scorecard").text())
        .isEqualTo("The weekly scorecard is not scheduled.");
  }

  @Test
  @DisplayName("in Dutch: /planning scorekaart hier maandag 09:00")
  void dutch() {
    team.close();
    team = TestWorkspace.dutch(engine, folder.resolve("nl"));
    store = new ScheduleStore(team.database());
    assertThat(team.run("/planning scorekaart hier maandag 09:00").text())
        .isEqualTo(
            "De weekscorekaart is hier gepland: elke maandag om 09:00 (Europe/Amsterdam)."
                + " Volgende: 6 apr 2026 09:00.");
    assertThat(team.run("/planning stop scorekaart").text()).contains("gestopt");
  }

  @Test
  @DisplayName("a rep may not schedule")
  void repRefused() {
    Reply reply = team.run("@anna /schedule scorecard here monday 09:00");
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text()).contains("managers");
    assertThat(store.schedules(TestWorkspace.WORKSPACE)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/schedule scorecard here someday",
        "/schedule scorecard here monday 25:00",
        "/schedule weekly",
        "/schedule stop",
        "/schedule stop everything",
        "/schedule list now",
        "/schedule scorecard '; DROP TABLE schedules; --",
        "/schedule 🍕 here monday 09:00",
        "/schedule scorecard \"0 9 * *\"",
        "/schedule scorecard \"0 0 31 2 *\"", // 31 February: never
      })
  @DisplayName("wrong, hostile and out-of-range lines: a private error, nothing stored")
  void refused(String line) {
    Reply reply = team.run(line);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.text()).doesNotStartWith("The weekly").doesNotContain("Something went wrong");
    assertThat(store.schedules(TestWorkspace.WORKSPACE)).isEmpty();
  }

  @Test
  @DisplayName("a 10 kB line is refused as too long")
  void tooLong() {
    Reply reply = team.run("/schedule scorecard " + "x".repeat(10_000));
    assertThat(reply.text()).contains("at most 200");
    assertThat(store.schedules(TestWorkspace.WORKSPACE)).isEmpty();
  }
}
