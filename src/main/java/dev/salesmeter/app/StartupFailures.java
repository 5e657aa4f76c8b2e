package dev.salesmeter.app;

import dev.salesmeter.command.Unexpected;
import dev.salesmeter.store.Database;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/**
 * Why Salesmeter cannot start, in one line each: the database file (a folder, unreadable,
 * read-only, not a database, damaged, a full disk), a port (invalid, in use), or anything else.
 * Every HTTP listener binds through {@link #bind}, so a port in use reads the same on each.
 */
final class StartupFailures {
  private static final Logger LOG = LoggerFactory.getLogger(StartupFailures.class);

  private StartupFailures() {}

  /**
   * The configured database (PostgreSQL when a URL is given, else the SQLite file), or the one line
   * that says why it cannot be used and what to do.
   */
  static Database openDatabase(Config.Database database, Map<String, String> environment) {
    if (!database.postgres()) {
      return openDatabase(database.path());
    }
    try {
      return Database.openPostgres(
          database.url(), database.user(), environment.getOrDefault(Config.DATABASE_PASSWORD, ""));
    } catch (RuntimeException e) {
      throw postgres(database.url(), e);
    }
  }

  /** A PostgreSQL database that could not be reached or migrated, as one line. */
  static ConfigException postgres(String url, Throwable failure) {
    // The query part may carry a password: never repeat it.
    String where = url.replaceAll("\\?.*", "");
    Optional<SQLException> sql = cause(failure, SQLException.class);
    String state = sql.map(SQLException::getSQLState).map(String::valueOf).orElse("");
    String said = sql.map(e -> firstLine(e.getMessage())).orElse(Unexpected.causeChain(failure));
    if (state.equals("28P01") || state.equals("28000")) {
      return new ConfigException(
          "PostgreSQL at " + where + " refused the login (" + said + ")",
          "check database.user (SALESMETER_DATABASE_USER) and SALESMETER_DATABASE_PASSWORD");
    }
    if (state.equals("3D000")) {
      return new ConfigException(
          "the database of " + where + " does not exist on that server",
          "create it (createdb NAME, or CREATE DATABASE NAME in psql), or correct database.url");
    }
    if (state.startsWith("08")) {
      return new ConfigException(
          "cannot connect to PostgreSQL at " + where + " (" + said + ")",
          "check that the server runs and takes connections at that host and port, and"
              + " database.url (SALESMETER_DATABASE_URL)");
    }
    if (state.equals("42501")) {
      return new ConfigException(
          "the PostgreSQL user may not create Salesmeter's tables in " + where + " (" + said + ")",
          "let the user own the database (ALTER DATABASE NAME OWNER TO USER), or create the"
              + " schema once as its owner");
    }
    LOG.debug("the database {} could not be opened", where, failure);
    return new ConfigException(
        "the database " + where + " cannot be used (" + Unexpected.causeChain(failure) + ")",
        "check database.url; if the database was migrated by a newer Salesmeter, run that"
            + " version");
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }

  /** The database, or the one line that says why this file cannot be used and what to do. */
  static Database openDatabase(Path file) {
    checkDatabaseFile(file);
    try {
      return Database.open(file);
    } catch (RuntimeException e) {
      throw database(file, e);
    }
  }

  /**
   * What the file system tells before SQLite tries: SQLite itself says "unable to open database
   * file" for a folder, an unreadable file and a read-only one alike.
   */
  static void checkDatabaseFile(Path file) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new ConfigException(
          "the database " + name + " is a folder, not a file",
          "set database.path (or --db) to a file, e.g. " + file.resolve("salesmeter.db"));
    }
    for (Path above = file.toAbsolutePath().getParent(); above != null; above = above.getParent()) {
      if (Files.exists(above) && !Files.isDirectory(above)) {
        throw new ConfigException(
            "the database " + name + " cannot be created: " + above + " is a file, not a folder",
            "set database.path (or --db) to a file in a folder");
      }
    }
    if (!Files.exists(file) && !Files.notExists(file)) {
      // Neither exists nor missing: the file system would not say (no permission on the way to
      // it, a link that loops).
      throw new ConfigException(
          "the database " + name + " cannot be read",
          "check that it and every folder above it may be read by the user running Salesmeter"
              + " (and that no symbolic link on the way loops)");
    }
    if (Files.exists(file) && !Files.isReadable(file)) {
      throw new ConfigException(
          "the database " + name + " cannot be read",
          "give the user running Salesmeter read and write access to it");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new ConfigException(
          "the database " + name + " is read-only",
          "give the user running Salesmeter write access to it, or mount its volume read-write");
    }
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null && Files.isDirectory(folder) && !Files.isWritable(folder)) {
      throw new ConfigException(
          "the folder " + folder + " of the database is read-only",
          "make it writable (SQLite writes "
              + file.getFileName()
              + "-wal and -shm beside the file), or set database.path to a writable place");
    }
  }

  /** A database that failed to open or to migrate, as one line. */
  static ConfigException database(Path file, Throwable failure) {
    String name = file.toString();
    Optional<SQLiteException> sqlite = cause(failure, SQLiteException.class);
    String code = sqlite.map(e -> e.getResultCode().name()).orElse("");
    if (code.startsWith("SQLITE_NOTADB")) {
      return new ConfigException(
          name + " is not a SQLite database",
          "point database.path (or --db) at Salesmeter's database, or move this file away to"
              + " start a new one");
    }
    if (code.startsWith("SQLITE_CORRUPT")) {
      return new ConfigException(
          "the database " + name + " is damaged (" + sqlite.get().getMessage() + ")",
          "restore it from a backup, or try: sqlite3 " + name + " .recover");
    }
    if (code.startsWith("SQLITE_FULL") || diskFull(failure)) {
      return new ConfigException(
          "the disk holding the database " + name + " is full",
          "free some space there, or set database.path to a disk with room");
    }
    if (code.startsWith("SQLITE_READONLY")) {
      return new ConfigException(
          "the database " + name + " is read-only",
          "give the user running Salesmeter write access to it and its folder, or mount its"
              + " volume read-write");
    }
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      return new ConfigException(
          "the database " + name + " is locked by another program",
          "stop the program holding it (e.g. an open sqlite3 transaction), then start again");
    }
    if (code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_IOERR")) {
      return new ConfigException(
          "the database " + name + " cannot be opened (" + Unexpected.causeChain(failure) + ")",
          "check that its folder exists on a working disk and that the user running Salesmeter"
              + " may read and write there");
    }
    if (failure instanceof UncheckedIOException folder) {
      return new ConfigException(
          folder.getMessage() + " (" + Unexpected.causeChain(folder.getCause()) + ")",
          "set database.path (or --db) to a file in a folder that exists or can be created");
    }
    LOG.debug("the database {} could not be opened", name, failure);
    return new ConfigException(
        "the database " + name + " cannot be used (" + Unexpected.causeChain(failure) + ")",
        "check the file; if it was written by a newer Salesmeter, run that version");
  }

  private static boolean diskFull(Throwable failure) {
    for (Throwable each = failure; each != null; each = each.getCause()) {
      String message = String.valueOf(each.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("no space left") || message.contains("database or disk is full")) {
        return true;
      }
      if (each.getCause() == each) {
        break;
      }
    }
    return false;
  }

  /** Why a listener could not bind, as one line. */
  static ConfigException bindFailure(String key, InetSocketAddress address, Throwable failure) {
    int port = address.getPort();
    String message =
        cause(failure, BindException.class)
            .map(Throwable::getMessage)
            .orElse(Unexpected.causeChain(failure))
            .toLowerCase(Locale.ROOT);
    if (message.contains("in use")) {
      return new ConfigException(
          "port " + port + " (" + key + ") is already in use",
          "stop the program that holds it (ss -ltnp shows which), or set "
              + key
              + " to a free port");
    }
    if (message.contains("permission") || message.contains("access")) {
      return new ConfigException(
          "port " + port + " (" + key + ") needs privileges this user does not have",
          "use a port above 1023 and let a proxy or load balancer forward to it");
    }
    if (message.contains("assign")) {
      return new ConfigException(
          address.getHostString() + " is not an address of this machine",
          "listen on 0.0.0.0, 127.0.0.1 or one of this machine's own addresses");
    }
    return new ConfigException(
        "cannot listen on port " + port + " (" + key + "): " + Unexpected.causeChain(failure),
        "set " + key + " to a free port");
  }

  /** Anything else that stopped the start: one line, the stack at DEBUG. */
  static ConfigException unexpected(Throwable failure) {
    LOG.debug("the start failed", failure);
    return new ConfigException(
        "could not start: " + Unexpected.causeChain(failure),
        "run again with -Dsalesmeter.log.level=DEBUG before -jar for the details, and report"
            + " them");
  }

  private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
    for (Throwable each = failure; each != null; each = each.getCause()) {
      if (type.isInstance(each)) {
        return Optional.of(type.cast(each));
      }
      if (each.getCause() == each) {
        break;
      }
    }
    return Optional.empty();
  }
}
