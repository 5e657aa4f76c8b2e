package dev.salesmeter.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The console's command-line options. */
final class ConsoleOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: ${DEFAULT-VALUE}; missing is fine).",
      defaultValue = "config.yaml")
  Path config;

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = "SQLite file to use (default: database.path from the configuration).")
  Path database;

  @Option(
      names = "--now",
      paramLabel = "DATE-TIME",
      description =
          "Fix the clock, e.g. 2026-03-31T17:00 (local) or 2026-03-31T15:00Z, for reproducible"
              + " runs.")
  String now;

  @Option(names = "--locale", paramLabel = "en|nl", description = "Language and number format.")
  String locale;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description = "Time zone of days, weeks and months, e.g. Europe/Amsterdam.")
  String timeZone;

  @Option(
      names = "--demo",
      description = "Fill a fresh workspace with 18 months of realistic sales history first.")
  boolean demo;

  Optional<String> locale() {
    return Optional.ofNullable(locale).map(l -> l.toLowerCase(Locale.ROOT));
  }
}
