package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.app.DemoHistory;
import dev.salesmeter.chart.Png;
import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Reply;
import dev.salesmeter.console.Console;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quotes and the leaderboard on the demo history (filled once, 31 March 2026), for every form
 * of period a user can type: each answers in words and draws its chart. The quotes chart of "last 7
 * days" and of a range once crashed: its two periods' series had the same name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class DemoPeriodsTest {
  private static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");

  @TempDir static Path folder;
  Database database;
  Console console;

  @BeforeAll
  void demo() {
    Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));
    WorkspaceSettings settings = WorkspaceSettings.DEFAULTS;
    database = Database.open(folder.resolve("demo.db"));
    EventLog log = new EventLog(database, settings, clock);
    List<CommandSpec> specs = new ArrayList<>(CommandRegistry.loggingCommands(log));
    specs.addAll(CommandRegistry.figureCommands(Figures.standard(database), log));
    Commands commands = new Commands(new CommandRegistry(specs), log, clock);
    console = new Console(commands, Set.of(), settings.locale(), folder);
    DemoHistory.fill(console, log, settings, clock);
  }

  @AfterAll
  void close() {
    database.close();
  }

  @ParameterizedTest(name = "/kpi quotes {0}")
  @DisplayName("the quotes of every period form: words and a chart, never a crash")
  @ValueSource(
      strings = {
        "today",
        "this week",
        "this month",
        "this quarter",
        "this year",
        "ytd",
        "last 7 days",
        "last 3 months",
        "2026-W10",
        "2026-03-01..2026-03-15"
      })
  void quotes(String period) {
    // when
    Reply reply = console.run("/kpi quotes " + period).orElseThrow();
    // then: the demo always has stale quotes, so there is always a chart
    assertThat(reply.text()).contains("stale quotes now");
    drawn(reply.picture().orElseThrow());
  }

  @ParameterizedTest(name = "/leaderboard {0}")
  @DisplayName("the leaderboard of every period form: words, and a chart where anyone sold")
  @ValueSource(
      strings = {
        "today",
        "this week",
        "this month",
        "this quarter",
        "this year",
        "ytd",
        "last 7 days sales",
        "last 3 months",
        "2026-W10",
        "2026-03-01..2026-03-15 sales"
      })
  void leaderboard(String period) {
    // when
    Reply reply = console.run("/leaderboard " + period).orElseThrow();
    // then
    if (reply.text().startsWith("No sales")) {
      assertThat(reply.picture()).isEmpty();
    } else {
      assertThat(reply.text()).contains("Changes against");
      drawn(reply.picture().orElseThrow());
    }
  }

  private static void drawn(Picture picture) {
    byte[] png = picture.png();
    int width = ByteBuffer.wrap(png, 16, 4).getInt();
    int height = ByteBuffer.wrap(png, 20, 4).getInt();
    assertThat(Png.of(picture, width, height).inked()).isBetween(0.01, 0.7);
  }
}
