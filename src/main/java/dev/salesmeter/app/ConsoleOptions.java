package dev.salesmeter.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The console's command-line options. They are inherited by the {@code console} subcommand, so they
 * may stand before or after it.
 */
final class ConsoleOptions {
  @Option(
      scope = ScopeType.INHERIT,
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: config.yaml if there is one).")
  Path config;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--charts",
      paramLabel = "DIR",
      description = "Folder the console writes charts to (default: ${DEFAULT-VALUE}).",
      defaultValue = "charts")
  Path charts;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--db",
      paramLabel = "FILE",
      description = "SQLite file to use (default: database.path from the configuration).")
  Path database;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--now",
      paramLabel = "DATE-TIME",
      description =
          "Fix the clock, e.g. 2026-03-31T17:00 (local) or 2026-03-31T15:00Z, for reproducible"
              + " runs.")
  String now;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--locale",
      paramLabel = "en|nl",
      description = "Language and number format.")
  String locale;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--timezone",
      paramLabel = "ZONE",
      description = "Time zone of days, weeks and months, e.g. Europe/Amsterdam.")
  String timeZone;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--demo",
      description = "Fill a fresh workspace with 18 months of realistic sales history first.")
  boolean demo;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--dashboard",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "PORT",
      description =
          "Serve the dashboard from a script too, on this port (--dashboard=3001; default"
              + " http.port; 0 picks a free one), and keep serving after the script until stopped."
              + " A console in a terminal always serves it.")
  String dashboard;

  /**
   * The port {@code --dashboard} asks for: empty when it was not given, or given without a port
   * (then {@code http.port}).
   */
  Optional<Integer> dashboardPort() {
    if (dashboard == null || dashboard.isBlank()) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(dashboard.strip());
      if (port >= 0 && port <= 65535) {
        return Optional.of(port);
      }
    } catch (NumberFormatException notANumber) {
      // said below
    }
    throw new ConfigException(
        "--dashboard=" + dashboard + " is not a port",
        "give a port from 1 to 65535 (--dashboard=3001), 0 for any free one, or none for"
            + " http.port");
  }

  /**
   * The configuration file: {@code --config}, which must exist, or {@code config.yaml}, which may
   * be missing (the defaults and the environment apply).
   */
  Path configFile() {
    if (config == null) {
      return Path.of("config.yaml");
    }
    if (!Files.exists(config)) {
      throw new ConfigException(
          "--config " + config + ": there is no such file",
          "give the path of an existing file, or leave --config out to read ./config.yaml");
    }
    return config;
  }

  Optional<String> locale() {
    return Optional.ofNullable(locale).map(l -> l.toLowerCase(Locale.ROOT));
  }
}
