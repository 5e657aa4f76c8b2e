package dev.salesmeter.app;

import dev.salesmeter.console.Console;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.core.WorkspaceSettings;
import dev.salesmeter.store.Database;
import dev.salesmeter.store.EventLog;
import dev.salesmeter.transfer.Backup;
import dev.salesmeter.transfer.Export;
import dev.salesmeter.transfer.Import;
import dev.salesmeter.transfer.ImportFormat;
import dev.salesmeter.transfer.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The command lines that move history in and out: {@code import}, {@code export} and {@code
 * backup}. Each finds its database as everything else does ({@code --db}, else the configuration)
 * and works on the console's workspace unless {@code --workspace} names another. They may run while
 * Salesmeter runs on the same file: SQLite's WAL lets its figures answer meanwhile.
 */
final class TransferCommands {
  /** The exit code of an import refused for its bad rows. */
  static final int REFUSED = 1;

  private TransferCommands() {}

  /** The configuration, the database and its event log, for one run of a command line. */
  private record Opened(Config config, Database database, EventLog log, Clock clock)
      implements AutoCloseable {
    static Opened of(Main main) {
      Config config = Config.load(main.options.configFile(), main.environment());
      WorkspaceSettings defaults = config.workspace().settings();
      Clock clock = ConsoleRunner.clock(main.options.now, defaults.zone());
      Database database = StartupFailures.openDatabase(where(main, config), main.environment());
      return new Opened(config, database, new EventLog(database, defaults, clock), clock);
    }

    @Override
    public void close() {
      database.close();
    }
  }

  private static WorkspaceId workspace(String id) {
    return id == null ? Console.WORKSPACE : new WorkspaceId(id.strip());
  }

  /** As the console: {@code --db FILE} is an SQLite file, else the configuration decides. */
  private static Config.Database where(Main main, Config config) {
    return main.options.database != null
        ? new Config.Database(main.options.database, "", "")
        : config.database();
  }

  /** {@code salesmeter import FILE}: a CRM export or spreadsheet into a workspace. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import a CSV file of events (as export writes them) or of deals (as CRMs export them):"
            + " all of it, or, when any row is bad, nothing, with every bad row listed.",
        "--locale and --timezone say how the file writes numbers and dates (a file separated by"
            + " semicolons reads as Dutch, else as English); they do not change the workspace."
      })
  static final class ImportCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (UTF-8).")
    Path file;

    @Option(names = "--workspace", paramLabel = "ID", description = "Default: the console's.")
    String workspace;

    @Option(
        names = "--format",
        paramLabel = "events|deals",
        defaultValue = "events",
        description = "One row per event, or one row per deal (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--dry-run", description = "Check the file and say what it would add.")
    boolean dryRun;

    @Option(
        names = "--rep-map",
        paramLabel = "FILE",
        description = "Lines name=chat user id or console name, for reps named otherwise.")
    Path repMap;

    @Option(
        names = "--map",
        paramLabel = "COLUMN=FIELD",
        description = "Say what a column holds (or COLUMN=ignore to skip it).")
    Map<String, String> maps = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
      ImportFormat chosen = importFormat(format);
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(
            file + ": there is no such file", "give the path of the CSV file to import");
      }
      List<String> repLines = List.of();
      if (repMap != null) {
        try {
          repLines = Files.readAllLines(repMap, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
          throw new ConfigException(
              "--rep-map " + repMap + ": there is no such file", "give the path of the rep map");
        }
      }
      try (Opened opened = Opened.of(main)) {
        Import.Options options =
            new Import.Options(
                chosen,
                dryRun,
                main.options.locale().map(TransferCommands::locale),
                Optional.ofNullable(main.options.timeZone).map(TransferCommands::zone),
                maps,
                repLines,
                repMap == null ? "" : repMap.getFileName().toString());
        boolean terminal = System.console() != null;
        Import.Result result =
            new Import(opened.database(), opened.log())
                .run(
                    workspace(workspace),
                    file.getFileName().toString(),
                    () -> Files.newInputStream(file),
                    options,
                    opened.clock().instant(),
                    total -> terminal ? Progress.bar(total) : Progress.NONE);
        PrintStream out = result.imported() ? System.out : System.err;
        out.println(result.text());
        return result.imported() ? 0 : REFUSED;
      }
    }
  }

  /** {@code salesmeter export [FILE]}: every event, as CSV or JSON Lines. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write every event of a workspace (voids included) as CSV, the events import format, or"
              + " JSON Lines; to standard output without FILE.")
  static final class ExportCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
    Path file;

    @Option(names = "--workspace", paramLabel = "ID", description = "Default: the console's.")
    String workspace;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, e.g. 2026-01-01.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, e.g. 2026-03-31.")
    String to;

    @Option(
        names = "--format",
        paramLabel = "csv|jsonl",
        defaultValue = "csv",
        description = "Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws IOException {
      Export.Format chosen =
          switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> Export.Format.CSV;
            case "jsonl" -> Export.Format.JSONL;
            default ->
                throw new ConfigException(
                    "--format " + format + " is not a format", "write --format csv or jsonl");
          };
      Optional<LocalDate> first = day("--from", from);
      Optional<LocalDate> last = day("--to", to);
      try (Opened opened = Opened.of(main)) {
        Export export = new Export(opened.log());
        long count;
        if (file == null) {
          count = export.write(workspace(workspace), first, last, chosen, System.out);
        } else {
          try (OutputStream out = Files.newOutputStream(file)) {
            count = export.write(workspace(workspace), first, last, chosen, out);
          }
          System.err.printf("%d events written to %s%n", count, file);
        }
        return 0;
      }
    }
  }

  /** {@code salesmeter backup TARGET}: a consistent copy, also while Salesmeter runs. */
  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description =
          "Copy the SQLite database to a new file, consistently, also while Salesmeter runs"
              + " (VACUUM INTO). To restore: stop Salesmeter, put the copy in the database's place.")
  static final class BackupCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "TARGET", description = "A file that does not exist.")
    Path target;

    @Override
    public Integer call() {
      Config config = Config.load(main.options.configFile(), main.environment());
      if (where(main, config).postgres()) {
        // On PostgreSQL a copy is pg_dump's work.
        throw new ConfigException(
            "the database is PostgreSQL (database.url), which this command does not copy",
            "back it up with pg_dump, e.g. pg_dump --format=custom --file=salesmeter.dump"
                + " \"$SALESMETER_DATABASE_URL\"");
      }
      if (Files.exists(target)) {
        throw new ConfigException(
            target + " exists", "give a new file: a backup never overwrites one");
      }
      try (Opened opened = Opened.of(main)) {
        Backup.copy(opened.database(), target);
        System.err.println("Backed up to " + target);
        return 0;
      }
    }
  }

  private static ImportFormat importFormat(String format) {
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "events" -> ImportFormat.EVENTS;
      case "deals" -> ImportFormat.DEALS;
      default ->
          throw new ConfigException(
              "--format " + format + " is not a format", "write --format events or deals");
    };
  }

  private static Locale locale(String tag) {
    if (!List.of("en", "nl").contains(tag)) {
      throw new ConfigException("--locale must be en or nl, not \"" + tag + "\"");
    }
    return Locale.forLanguageTag(tag);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new ConfigException(
          "--timezone \"" + id + "\" is not a time zone", "write one like Europe/Amsterdam");
    }
  }

  private static Optional<LocalDate> day(String option, String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.strip()));
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          option + " \"" + value + "\" is not a date", "write one like 2026-03-31");
    }
  }
}
