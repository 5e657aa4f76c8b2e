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
import dev.salesmeter.web.Links;
import dev.salesmeter.web.Viewer;
import dev.salesmeter.web.Web;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
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
    boolean interactive = System.console() != null;
    // A terminal serves the dashboard; a script only when asked, since it usually ends at once.
    boolean serve = interactive || options.dashboard != null;
    Optional<Integer> askedPort = options.dashboardPort();
    // The console's own run needs no secret: one made up now signs its links until it stops.
    Links links = PublicListener.links(environment).orElseGet(ConsoleRunner::oneRunLinks);
    try (Database database = StartupFailures.openDatabase(where, environment)) {
      // Said once the file opened: a start that fails says only why.
      System.err.printf(
          "%sSalesmeter console on %s (%s, %s).%n",
          why, where.described(), settings.locale().getLanguage(), settings.zone().getId());
      EventLog log = new EventLog(database, settings, clock);
      log.configure(Console.WORKSPACE, settings);
      Figures figures = Figures.standard(database);
      Web web = new Web(database, figures, log, Optional.of(links), false, clock);
      Optional<HttpListener> listener =
          serve
              ? dashboard(config, askedPort, web, database, figures, log, clock)
              : Optional.empty();
      // Its own address, whatever http.public-url says: --dashboard=0 picks the port now.
      Optional<String> address = listener.map(served -> localAddress(config, served.port()));
      Optional<String> notServed =
          !serve
              ? Optional.of("dashboard.notScripted")
              : listener.isEmpty() ? Optional.of("dashboard.notServed") : Optional.empty();
      address.ifPresent(url -> System.err.println("Dashboard: " + ownLink(url, links, web, clock)));
      try {
        run(
            options,
            config,
            settings,
            clock,
            where,
            database,
            log,
            figures,
            web,
            interactive,
            address,
            notServed);
        if (!interactive && listener.isPresent()) {
          System.err.println("Serving the dashboard until stopped (Ctrl-C).");
          Thread.currentThread().join();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        listener.ifPresent(HttpListener::close);
      }
    }
    return 0;
  }

  /** The console itself: its commands, the demo history if asked, then the terminal or a script. */
  private static void run(
      ConsoleOptions options,
      Config config,
      WorkspaceSettings settings,
      Clock clock,
      Config.Database where,
      Database database,
      EventLog log,
      Figures figures,
      Web web,
      boolean interactive,
      Optional<String> address,
      Optional<String> notServed) {
    MicrometerMetrics metrics = new MicrometerMetrics();
    Commands commands =
        new Commands(
            registry(database, figures, log, web.commands(address, notServed)),
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
    if (interactive) {
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

  /**
   * The console's public listener, with the dashboard and the JSON API: on {@code --dashboard}'s
   * port, else {@code http.port}. A port in use is said in one line and the console goes on without
   * it (two consoles on one machine).
   */
  private static Optional<HttpListener> dashboard(
      Config config,
      Optional<Integer> askedPort,
      Web web,
      Database database,
      Figures figures,
      EventLog log,
      Clock clock) {
    try {
      return Optional.of(
          PublicListener.start(
              askedPort.isPresent() ? "--dashboard" : "http.port",
              config.httpBind(),
              askedPort.orElse(config.httpPort()),
              web,
              PublicListener.pages(web, database, figures, log, clock),
              Optional.empty()));
    } catch (ConfigException e) {
      System.err.println(e.line() + " (the console goes on without the dashboard)");
      return Optional.empty();
    }
  }

  /** The listener's address on this machine. */
  private static String localAddress(Config config, int port) {
    String bind = config.httpBind();
    String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** A manager's link for the console's own user, as /dashboard gives it. */
  private static String ownLink(String address, Links links, Web web, Clock clock) {
    Viewer viewer =
        new Viewer(
            Console.WORKSPACE,
            Console.OWN_USER,
            Viewer.Role.MANAGER,
            clock.instant().plus(Links.LINK_VALIDITY).truncatedTo(ChronoUnit.SECONDS));
    long epoch = web.epochs().current(Console.WORKSPACE).orElseThrow();
    return address + "/d/" + links.link(viewer, epoch);
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

  /** Links signed with a random secret: they work until this console stops. */
  private static Links oneRunLinks() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new Links(Base64.getEncoder().encodeToString(secret));
  }

  /**
   * Every command, in the order /help lists them.
   *
   * @param web {@code /dashboard} and {@code /apitoken}, as this process can answer them
   */
  static CommandRegistry registry(
      Database database, Figures figures, EventLog log, List<CommandSpec> web) {
    List<CommandSpec> commands = new ArrayList<>(CommandRegistry.loggingCommands(log));
    commands.addAll(CommandRegistry.figureCommands(figures, log));
    commands.add(Schedules.command(new ScheduleStore(database)));
    commands.addAll(web);
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
      Figures figures = Figures.standard(database);
      EventLog log = new EventLog(database, WorkspaceSettings.DEFAULTS, Clock.systemUTC());
      Web web = new Web(database, figures, log, Optional.empty(), false, Clock.systemUTC());
      return registry(database, figures, log, web.commands(Optional.empty(), Optional.empty()));
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
