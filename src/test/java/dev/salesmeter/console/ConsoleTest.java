package dev.salesmeter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.command.Reply;
import dev.salesmeter.command.Syntax;
import dev.salesmeter.core.Drawing;
import dev.salesmeter.core.Picture;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.RepRoster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console on replies that go wrong: stub commands whose chart cannot be drawn or whose handler
 * fails, on the real store.
 */
final class ConsoleTest {
  private static final String REF = "\\(ref [A-Z2-9]{6}\\)";

  @TempDir Path folder;
  private final List<Database> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  /** A console with three stub commands: /drawn, /undrawable and /broken. */
  private Console console(Locale locale, Path charts) {
    Database database = Database.open(folder.resolve("console.db"));
    opened.add(database);
    Clock clock = Clock.fixed(Instant.parse("2026-03-31T15:00:00Z"), ZoneOffset.UTC);
    WorkspaceSettings settings = WorkspaceSettings.DEFAULTS.withLocale(locale);
    EventLog log = new EventLog(database, settings, clock);
    log.configure(Console.WORKSPACE, settings);
    Drawing picture = () -> new Picture("drawn.png", new byte[] {1, 2, 3});
    Drawing noFonts =
        () -> {
          throw new IllegalStateException("no fonts");
        };
    CommandRegistry registry =
        new CommandRegistry(
            List.of(
                stub("drawn", request -> answer("The answer", picture)),
                stub("undrawable", request -> answer("The numbers", noFonts)),
                stub(
                    "broken",
                    request -> {
                      throw new IllegalStateException("a bug");
                    })));
    Commands commands = new Commands(registry, log, new RepRoster(database), clock);
    return new Console(commands, Set.of(), locale, charts);
  }

  private static CommandSpec stub(String name, dev.salesmeter.command.CommandHandler handler) {
    return new CommandSpec(
        name, name + "-nl", Syntax.COMMAND_NAME, Set.of(), Set.of(), false, false, handler);
  }

  private static Reply answer(String text, Drawing chart) {
    return new Reply(
        Optional.empty(), text, List.of(), Optional.empty(), Optional.of(chart), false);
  }

  private static String script(Console console, String lines) {
    StringWriter out = new StringWriter();
    console.runScript(
        new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out));
    return out.toString();
  }

  @Test
  @DisplayName(
      "a chart that cannot be drawn: the text, then why the chart is missing; the next line runs")
  void chartNotDrawn() {
    // given
    Console console = console(Locale.ENGLISH, folder.resolve("charts"));
    // when
    String out = script(console, "/undrawable\n/drawn\n");
    // then
    assertThat(out)
        .matches(
            "The numbers\n  Chart not drawn: something went wrong "
                + REF
                + "\\.\n\nThe answer\n  Chart: .*drawn\\.png\n\n");
    assertThat(folder.resolve("charts").resolve("drawn.png")).exists();
  }

  @Test
  @DisplayName("a charts folder that cannot be made: the text, and one line naming the folder")
  void chartNotSaved() throws IOException {
    // given a charts folder whose parent is a file (root may write anywhere, but not there)
    Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
    Path charts = file.resolve("charts");
    Console console = console(Locale.ENGLISH, charts);
    // when
    String out = script(console, "/drawn\n/drawn\n");
    // then
    String once = "The answer\n  Chart not saved: " + charts + " is not writable.\n\n";
    assertThat(out).isEqualTo(once + once);
  }

  @Test
  @DisplayName("a command that fails: 'something went wrong (ref …)', and the script goes on")
  void commandFails() {
    // given
    Console console = console(Locale.ENGLISH, folder.resolve("charts"));
    // when
    String out = script(console, "/broken\n/drawn\n");
    // then
    assertThat(out)
        .matches(
            "Something went wrong "
                + REF
                + "\\. Nothing was logged\\. Please try again; if it happens again, give your"
                + " admin the ref\\.\n\nThe answer\n  Chart: .*drawn\\.png\n\n");
  }

  @Test
  @DisplayName("in Dutch: the chart's line says why in Dutch")
  void dutch() throws IOException {
    // given
    Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
    Console console = console(Locale.forLanguageTag("nl"), file.resolve("charts"));
    // when
    String out = script(console, "/undrawable\n/drawn\n");
    // then
    assertThat(out)
        .matches(
            "The numbers\n  Grafiek niet getekend: er ging iets mis "
                + REF
                + "\\.\n\nThe answer\n  Grafiek niet opgeslagen: in .*charts kan niet worden"
                + " geschreven\\.\n\n");
  }
}
