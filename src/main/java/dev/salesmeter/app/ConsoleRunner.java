package dev.salesmeter.app;

import dev.salesmeter.chart.ChartLook;
import dev.salesmeter.command.CommandRegistry;
import dev.salesmeter.command.CommandSpec;
import dev.salesmeter.command.Commands;
import dev.salesmeter.console.Console;
import dev.salesmeter.console.InteractiveConsole;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.core.text.Formats;
import dev.salesmeter.figure.Figures;
import dev.salesmeter.http.HttpListener;
import dev.salesmeter.http.MicrometerMetrics;
import dev.salesmeter.schedule.Schedules;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.store.RepRoster;
import dev.salesmeter.store.ScheduleStore;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Wires the console: configuration, database, commands, and the demo history if asked. */
final class ConsoleRunner {
  private ConsoleRunner() {}

  static int run(ConsoleOptions options, Map<String, String> environment) {
    return run(options, environment, "");
  }

  /**
   * @param why a sentence said before the console starts (why it is the console that starts)
   */
  static int run(ConsoleOptions options, Map<String, String> environment, String why) {
    Config config = Config.load(options.configFile(), environment);
    WorkspaceSettings settings = settings(config, options);
    Clock clock = clock(options.now, settings.zone());
    // --db FILE is always an SQLite file; without it the configuration decides (a PostgreSQL URL,
    // e.g. from SALESMETER_DATABASE_URL, else database.path).
    Config.Database where =
        options.database != null
            ? new Config.Database(options.database, "", "")
            : config.database();
    String file = where.described();
    try (Database database = StartupFailures.openDatabase(where, environment)) {
      // Said once the file opened: a start that fails says only why.
      System.err.printf(
          "%sSalesmeter console on %s (%s, %s).%n",
          why, file, settings.locale().getLanguage(), settings.zone().getId());
      EventLog log = new EventLog(database, settings, clock);
      log.configure(Console.WORKSPACE, settings);
      MicrometerMetrics metrics = new MicrometerMetrics();
      Commands commands =
          new Commands(
              registry(database, Figures.standard(database), log),
              log,
              new RepRoster(database),
              clock,
              metrics);
      Console console =
          new Console(
              commands,
              new HashSet<>(config.workspace().managers()),
              settings.locale(),
              options.charts);
      Thread warmUp = new Thread(() -> ChartLook.warmUp(Formats.of(settings)), "chart-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
      if (options.demo) {
        try {
          System.err.println(DemoHistory.fill(console, log, settings, clock));
        } catch (RuntimeException e) {
          throw where.postgres()
              ? StartupFailures.postgres(where.url(), e)
              : StartupFailures.database(where.path(), e);
        }
      }
      if (System.console() != null) {
        List<String> names =
            commands.registry().all().stream().flatMap(spec -> spec.names().stream()).toList();
        Path history = Path.of(System.getProperty("user.home"), ".salesmeter_history");
        // The interactive console is watched like a chat mode; a scripted one has no listener.
        Optional<HttpListener> management = management(config, database, metrics);
        try {
          InteractiveConsole.run(console, names, history);
        } finally {
          management.ifPresent(HttpListener::close);
        }
      } else {
        console.runScript(
            System.in, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
      }
    }
    return 0;
  }

  /**
   * The management listener of an interactive console, unless it is turned off; a port in use is
   * said in one line and the console goes on without it (two consoles on one machine).
   */
  private static Optional<HttpListener> management(
      Config config, Database database, MicrometerMetrics metrics) {
    if (!config.management().enabled()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ChatRunner.management(config, database, List.of(), metrics));
    } catch (ConfigException e) {
      System.err.println(e.line() + " (the console goes on without it)");
      return Optional.empty();
    }
  }

  /** Every command, in the order /help lists them. */
  static CommandRegistry registry(Database database, Figures figures, EventLog log) {
    List<CommandSpec> commands = new ArrayList<>(CommandRegistry.loggingCommands(log));
    commands.addAll(CommandRegistry.figureCommands(figures, log));
    commands.add(Schedules.command(new ScheduleStore(database)));
    return new CommandRegistry(commands);
  }

  /**
   * The registry for listing its commands only (the Slack manifest): on a throw-away database,
   * since the handlers are never called.
   */
  static CommandRegistry registryForListing() throws java.io.IOException {
    Path folder = Files.createTempDirectory("salesmeter-registry");
    Path file = folder.resolve("listing.db");
    try (Database database = Database.open(file)) {
      return registry(
          database,
          Figures.standard(database),
          new EventLog(database, WorkspaceSettings.DEFAULTS, Clock.systemUTC()));
    } finally {
      try (var files = Files.list(folder)) {
        for (Path each : files.toList()) {
          Files.deleteIfExists(each);
        }
      }
      Files.deleteIfExists(folder);
    }
  }

  private static WorkspaceSettings settings(Config config, ConsoleOptions options) {
    Config.Workspace defaults = config.workspace();
    Config.Workspace chosen =
        new Config.Workspace(
            options.locale().orElse(defaults.locale()),
            options.timeZone != null ? options.timeZone : defaults.timeZone(),
            defaults.currency(),
            defaults.defaultMargin(),
            defaults.inactivityDays(),
            defaults.staleQuoteDays(),
            defaults.managers(),
            defaults.name(),
            defaults.userLanguage());
    try {
      return chosen.settings();
    } catch (ConfigException e) {
      throw new ConfigException(
          e.getMessage()
              .replace("workspace.locale", "--locale")
              .replace("workspace.time-zone", "--timezone"),
          e.getMessage().startsWith("workspace.locale")
                  || e.getMessage().startsWith("workspace.time-zone")
              ? "correct it on the command line"
              : e.remedy());
    }
  }

  /** A fixed clock for {@code --now} (local time in the zone unless it carries an offset). */
  static Clock clock(String now, ZoneId zone) {
    if (now == null) {
      return Clock.system(zone);
    }
    try {
      return Clock.fixed(OffsetDateTime.parse(now).toInstant(), zone);
    } catch (DateTimeParseException notOffset) {
      try {
        return Clock.fixed(LocalDateTime.parse(now).atZone(zone).toInstant(), zone);
      } catch (DateTimeException e) {
        throw new ConfigException(
            "--now \"" + now + "\" is not a date-time",
            "write a local time like 2026-03-31T17:00, or with an offset like 2026-03-31T15:00Z");
      }
    }
  }
}
