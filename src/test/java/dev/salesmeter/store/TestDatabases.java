package dev.salesmeter.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on either engine for each test: an SQLite file in the test's folder, or a new
 * PostgreSQL database on ONE throwaway server per test run, started on first use and removed when
 * the JVM exits. PostgreSQL refuses to run as root, so as root (CI) the tests run Debian's server
 * ({@code apt-get install postgresql}, see {@code .ci/run}) as the {@code postgres} user in a
 * temporary data folder; as another user, zonky's embedded PostgreSQL. Each database is a copy of
 * one migrated template ({@code CREATE DATABASE ... TEMPLATE}), which takes milliseconds where
 * migrating takes a second, and is dropped when the test closes it.
 *
 * <p>Where no server can start: outside CI the PostgreSQL half of a test is skipped (reported as
 * skipped, with why); with {@code CI=true} it fails.
 */
public final class TestDatabases {
  private static final String DEBIAN_BIN = "/usr/lib/postgresql/15/bin/";
  private static final String TEMPLATE = "salesmeter_template";
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Map<Database, String> OPEN = new ConcurrentHashMap<>();

  private static Server server;
  private static RuntimeException failed;

  private TestDatabases() {}

  /** A fresh, migrated database; close it with {@link #close}. */
  public static Database open(Database.Engine engine, Path folder) {
    if (engine == Database.Engine.SQLITE) {
      return Database.open(folder.resolve("salesmeter.db"));
    }
    String name = freshPostgres();
    Database database = Database.openPostgres(server.url(name), "postgres", "");
    OPEN.put(database, name);
    return database;
  }

  /**
   * A second connection pool on the same database: what another process sees. Close it with {@link
   * #close} before the first.
   */
  public static Database sameDatabase(Database database, Path folder) {
    if (database.engine() == Database.Engine.SQLITE) {
      return Database.open(folder.resolve("salesmeter.db"));
    }
    return Database.openPostgres(server.url(OPEN.get(database)), "postgres", "");
  }

  /** A new, empty (unmigrated) PostgreSQL database's URL, for copying into. */
  public static String emptyPostgres() {
    server();
    String name = "empty_" + NEXT.incrementAndGet();
    execute("CREATE DATABASE " + name + " TEMPLATE template0");
    return server.url(name);
  }

  /** The URL of a database of that name on the test server (which need not exist). */
  public static String postgresUrl(String name) {
    server();
    return server.url(name);
  }

  /** Closes a database from {@link #open}, dropping it on PostgreSQL. */
  public static void close(Database database) {
    database.close();
    String name = OPEN.remove(database);
    if (name != null) {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static synchronized String freshPostgres() {
    server();
    String name = "t_" + NEXT.incrementAndGet();
    execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
    return name;
  }

  private static synchronized Server server() {
    if (server != null) {
      return server;
    }
    if (failed == null) {
      try {
        server = isRoot() ? DebianServer.start() : ZonkyServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
        execute("CREATE DATABASE " + TEMPLATE);
        Database.openPostgres(server.url(TEMPLATE), "postgres", "").close();
        return server;
      } catch (RuntimeException e) {
        failed = e;
      }
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("PostgreSQL could not start for the tests", failed);
    }
    Assumptions.abort("PostgreSQL could not start here: " + failed);
    throw failed; // not reached
  }

  private static void execute(String sql) {
    try (Connection connection =
            DriverManager.getConnection(server.url("postgres"), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** A running server. */
  private interface Server {
    String url(String database);

    void stop();
  }

  /** Debian's PostgreSQL, run as the postgres user in a temporary folder (as root only). */
  private record DebianServer(Path folder, int port) implements Server {
    static DebianServer start() {
      try {
        Path folder = Files.createTempDirectory("salesmeter-pg");
        run(List.of("chown", "postgres", folder.toString()));
        Path data = folder.resolve("data");
        run(
            asPostgres(
                DEBIAN_BIN + "initdb",
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync"));
        int port = freePort();
        run(
            asPostgres(
                DEBIAN_BIN + "pg_ctl",
                "-D",
                data.toString(),
                "-l",
                folder.resolve("log").toString(),
                "-w",
                "-o",
                "-k "
                    + folder
                    + " -c listen_addresses=127.0.0.1 -p "
                    + port
                    + " -c fsync=off -c full_page_writes=off -c max_connections=300",
                "start"));
        return new DebianServer(folder, port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String url(String database) {
      return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void stop() {
      try {
        run(
            asPostgres(
                DEBIAN_BIN + "pg_ctl",
                "-D",
                folder.resolve("data").toString(),
                "-m",
                "immediate",
                "stop"));
      } catch (RuntimeException e) {
        // the folder goes anyway
      }
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary folder left behind is not worth failing a run for
      }
    }

    private static List<String> asPostgres(String... command) {
      List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
      all.addAll(List.of(command));
      return all;
    }

    private static void run(List<String> command) {
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(String.join(" ", command) + " cannot run", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }
  }

  /** zonky's embedded PostgreSQL, for a user who is not root. */
  private record ZonkyServer(EmbeddedPostgres postgres) implements Server {
    static ZonkyServer start() {
      try {
        return new ZonkyServer(
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("max_connections", "300")
                .start());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String url(String database) {
      return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    public void stop() {
      try {
        postgres.close();
      } catch (IOException e) {
        // the process is gone with the JVM
      }
    }
  }
}
