package dev.salesmeter.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.app.DemoHistory;
import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.TestWorkspace;
import dev.salesmeter.console.Console;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.RepRoster;
import dev.salesmeter.store.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The export is the events import format: out and in again, nothing changes. */
@ParameterizedClass
@EnumSource(Database.Engine.class)
final class ExportRoundTripTest {
  @Parameter Database.Engine engine;

  @TempDir Path folder;

  /** A console on its own database, on 31 March 2026 17:00 in Amsterdam. */
  private record Team(Database database, EventLog log, Console console, Clock clock)
      implements AutoCloseable {
    static Team open(Database.Engine engine, Path place) {
      Database database = TestDatabases.open(engine, place);
      Clock clock =
          Clock.fixed(
              LocalDateTime.of(2026, 3, 31, 17, 0).atZone(TestWorkspace.AMSTERDAM).toInstant(),
              TestWorkspace.AMSTERDAM);
      WorkspaceSettings settings = WorkspaceSettings.DEFAULTS;
      EventLog log = new EventLog(database, settings, clock);
      log.configure(Console.WORKSPACE, settings);
      List<CommandSpec> specs = new ArrayList<>(CommandRegistry.loggingCommands(log));
      specs.addAll(CommandRegistry.figureCommands(Figures.standard(database), log));
      Commands commands =
          new Commands(new CommandRegistry(specs), log, new RepRoster(database), clock);
      Console console = new Console(commands, Set.of(), settings.locale(), place.resolve("charts"));
      return new Team(database, log, console, clock);
    }

    byte[] export() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new Export(log)
          .write(Console.WORKSPACE, Optional.empty(), Optional.empty(), Export.Format.CSV, out);
      return out.toByteArray();
    }

    Import.Result load(byte[] csv) {
      return new Import(database, log)
          .run(
              Console.WORKSPACE,
              "export.csv",
              () -> new ByteArrayInputStream(csv),
              Import.Options.of(ImportFormat.EVENTS),
              clock.instant(),
              total -> Progress.NONE);
    }

    String answer(String line) {
      return console.run(line).orElseThrow().text();
    }

    @Override
    public void close() {
      TestDatabases.close(database);
    }
  }

  @Test
  @DisplayName(
      "the demo history, exported and imported into a fresh database: same numbers, same figures")
  void demoHistory() {
    try (Team original = Team.open(engine, folder.resolve("a"));
        Team copy = Team.open(engine, folder.resolve("b"))) {
      // given: 18 months of history typed through the console, voids among them
      DemoHistory.fill(
          original.console(), original.log(), WorkspaceSettings.DEFAULTS, original.clock());
      byte[] exported = original.export();
      String text = new String(exported, StandardCharsets.UTF_8);
      assertThat(text).contains(",void,");

      // when
      Import.Result result = copy.load(exported);

      // then: every event under its number, on the same opportunity, with every field: the
      // copy's export is the original's, byte for byte
      assertThat(result.imported()).as(result.text()).isTrue();
      assertThat(copy.log().eventCount(Console.WORKSPACE))
          .isEqualTo(original.log().eventCount(Console.WORKSPACE));
      assertThat(new String(copy.export(), StandardCharsets.UTF_8)).isEqualTo(text);
      // and every figure answers the same
      List<String> questions = new ArrayList<>();
      for (String figure :
          List.of(
              "conversion", "quotes", "aov", "revenue", "crosssell", "repeat", "churn", "ltv")) {
        for (String period : List.of("march 2026", "q1 2026", "2025")) {
          questions.add("/kpi " + figure + " " + period);
        }
      }
      questions.add("/leaderboard march 2026");
      questions.add("/scorecard");
      for (String question : questions) {
        assertThat(copy.answer(question)).as(question).isEqualTo(original.answer(question));
      }
    }
  }

  @Test
  @DisplayName("corrections and voids keep what they void and replace; formula cells come back")
  void correctionsAndFormulas() {
    try (TestWorkspace team = TestWorkspace.english(engine, folder.resolve("one"));
        TestWorkspace fresh = TestWorkspace.english(engine, folder.resolve("two"))) {
      // given: names a spreadsheet would run as formulas, an edit, a void, a target for a rep
      team.run("@anna /lead \"=1+2\" date:2026-03-02 source:-web");
      team.run("@anna /sale \"+31 Acme\" 400 date:2026-03-03 products:oven,@service");
      team.run("/edit 2 amount:450");
      team.run("@anna /lead Beta");
      team.run("@anna /void");
      team.run("/target 5000 march 2026 @anna");
      team.run("/cost \"@fair\" 250 date:2026-03-04");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new Export(team.log())
          .write(
              TestWorkspace.WORKSPACE, Optional.empty(), Optional.empty(), Export.Format.CSV, out);
      String csv = out.toString(StandardCharsets.UTF_8);

      // then: every cell that begins like a formula is written with an apostrophe
      assertThat(csv)
          .contains(",'=1+2,")
          .contains(",'+31 Acme,")
          .contains(",'-web,")
          .contains(",\"oven,@service\",")
          .contains(",'@fair,")
          .doesNotContain(",=")
          .doesNotContain(",+31");
      // #3 voids #2 (the edit), #4 replaces it
      assertThat(csv).containsPattern("(?m)^3,void,.*,2,$").containsPattern("(?m)^4,sale,.*,,2$");

      // when
      Import.Result result =
          Importing.run(fresh, out.toByteArray(), Importing.options(ImportFormat.EVENTS));

      // then: read back unchanged
      assertThat(result.imported()).as(result.text()).isTrue();
      ByteArrayOutputStream again = new ByteArrayOutputStream();
      new Export(fresh.log())
          .write(
              TestWorkspace.WORKSPACE,
              Optional.empty(),
              Optional.empty(),
              Export.Format.CSV,
              again);
      assertThat(again.toString(StandardCharsets.UTF_8)).isEqualTo(csv);
      assertThat(
              fresh
                  .log()
                  .event(TestWorkspace.WORKSPACE, 1)
                  .orElseThrow()
                  .customer()
                  .orElseThrow()
                  .name())
          .isEqualTo("=1+2");
      assertThat(fresh.log().event(TestWorkspace.WORKSPACE, 4).orElseThrow().replaces())
          .hasValue(2L);
    }
  }

  @Test
  @DisplayName("JSON Lines: one object a line, numbers as numbers, and --from/--to pick days")
  void jsonLines() {
    try (TestWorkspace team = TestWorkspace.english(folder)) {
      // given
      team.run("@anna /lead Acme date:2026-03-02");
      team.run("@anna /sale Acme 1250.50 date:2026-03-10");
      team.run("@anna /lead Beta date:2026-03-20");

      // when
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long count =
          new Export(team.log())
              .write(
                  TestWorkspace.WORKSPACE,
                  Optional.of(java.time.LocalDate.of(2026, 3, 5)),
                  Optional.of(java.time.LocalDate.of(2026, 3, 15)),
                  Export.Format.JSONL,
                  out);

      // then: only the sale of 10 March
      assertThat(count).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "{\"number\":2,\"kind\":\"sale\",\"occurred\":\"2026-03-10T12:00:00+01:00\","
                  + "\"logged\":\"2026-03-31T17:00:00+02:00\",\"customer\":\"Acme\","
                  + "\"rep\":\"anna\",\"rep_id\":\"anna\",\"logged_by\":\"anna\","
                  + "\"logged_by_id\":\"anna\",\"opportunity\":1,\"amount\":1250.5,"
                  + "\"cross_sell\":\"no\"}\n");
    }
  }
}
