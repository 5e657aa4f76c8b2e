package dev.salesmeter.web;

import dev.salesmeter.app.DemoHistory;
import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.console.Console;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.http.HttpListener;
import dev.salesmeter.schedule.Schedules;
import dev.salesmeter.scorecard.Scorecard;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.RepRoster;
import dev.salesmeter.store.ScheduleStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The console's workspace with the demo history (18 months, 8 reps, as {@code --demo} fills it) on
 * 31 March 2026 at 17:00 in Amsterdam, and its dashboard on 127.0.0.1, seen by the console's
 * manager. The console answers the same questions in words, so a test can compare the two. The
 * headers are those the web package puts on every response: a strict Content-Security-Policy (whose
 * violations a browser reports as console errors) and no referrer.
 */
final class DemoDashboard implements AutoCloseable {
  /** The demo's dashboard secret (a test's own, never a deployment's). */
  private static final String SECRET = "demo-dashboard-secret-of-at-least-32-characters";

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final Instant NOW = LocalDateTime.of(2026, 3, 31, 17, 0).atZone(AMSTERDAM).toInstant();

  private final Database database;
  private final Console console;
  private final Figures figures;
  private final EventLog log;
  private final Web web;
  private final HttpListener listener;

  DemoDashboard(Path folder, Locale locale, int port) {
    WorkspaceSettings settings =
        new WorkspaceSettings(
            locale,
            AMSTERDAM,
            WorkspaceSettings.DEFAULTS.currency(),
            WorkspaceSettings.DEFAULTS.defaultMargin(),
            365,
            7,
            "Demo team",
            false);
    Clock clock = Clock.fixed(NOW, AMSTERDAM);
    this.database = Database.open(folder.resolve("demo.db"));
    this.log = new EventLog(database, settings, clock);
    log.configure(Console.WORKSPACE, settings);
    this.figures = Figures.standard(database);
    List<CommandSpec> specs = new ArrayList<>(CommandRegistry.loggingCommands(log));
    specs.addAll(CommandRegistry.figureCommands(figures, log));
    specs.add(Schedules.command(new ScheduleStore(database)));
    RepRoster roster = new RepRoster(database);
    this.console =
        new Console(
            new Commands(new CommandRegistry(specs), log, roster, clock),
            Set.of(),
            locale,
            folder.resolve("charts"));
    DemoHistory.fill(console, log, settings, clock);
    DashboardPages pages = new DashboardPages(figures, new Scorecard(figures), log, roster, clock);
    this.web = new Web(database, figures, log, Optional.of(new Links(SECRET)), false, clock);
    this.listener =
        HttpListener.start(
            "http-dashboard",
            "127.0.0.1",
            port,
            HttpListener.Limits.standard(),
            routes -> web.mount(routes, List.of(r -> pages.mount(r, web.viewers()))));
  }

  /**
   * A signed link to the dashboard, as {@code /dashboard} sends it: opening it signs the browser in
   * (a session cookie) and leads to the page.
   */
  String link(Viewer.Role role) {
    Viewer viewer = new Viewer(Console.WORKSPACE, Console.OWN_USER, role, NOW.plusSeconds(86_400));
    long epoch = web.epochs().current(Console.WORKSPACE).orElseThrow();
    return url("/d/" + web.links().orElseThrow().link(viewer, epoch));
  }

  String url(String path) {
    return "http://127.0.0.1:" + listener.port() + path;
  }

  /** The console's answer to a line, in words. */
  String ask(String line) {
    return console.run(line).orElseThrow().text();
  }

  Figures figures() {
    return figures;
  }

  EventLog log() {
    return log;
  }

  @Override
  public void close() {
    listener.close();
    database.close();
  }
}
