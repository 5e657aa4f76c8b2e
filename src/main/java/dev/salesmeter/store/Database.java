package dev.salesmeter.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.NoTemplateEngine;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database behind Salesmeter, migrated to the current schema on open: an SQLite file (the
 * default: one process on one machine) or PostgreSQL (several processes, e.g. replicas behind a
 * load balancer). Both run the same SQL; each engine has its own migrations.
 *
 * <p>PostgreSQL: a pool of connections with {@code synchronous_commit=on} and the default isolation
 * (read committed). Writes run concurrently; where two could race, the database decides: appends of
 * one workspace queue on its counter row ({@code event_counters}), unique constraints refuse
 * doubles, schedule claims compare with the database's clock.
 *
 * <p>SQLite:
 *
 * <p>Durability first: WAL with {@code synchronous=FULL}, so a confirmed log survives a power cut;
 * a busy timeout, so a second process waits instead of failing; foreign keys on; and write
 * transactions that take the write lock at BEGIN, so two writers never deadlock on an upgrade.
 *
 * <p>One writer: every write transaction of this process (appends, voids, edits, settings, schedule
 * claims) runs under one fair lock, so commands wait their turn in memory, in arrival order, and
 * only the one writing ever waits on SQLite's file lock. Pooled connections that each wait on that
 * lock time out one by one under load (its busy handler is not fair), and while they wait they hold
 * the pool's connections that figures need. The busy timeout is then only how long the one writer
 * waits for another process (a second Salesmeter, a {@code sqlite3} session, a backup).
 *
 * <p>The WAL is copied back into the database file by a background thread every 200 ms (a passive
 * checkpoint, which never blocks a writer) instead of by whichever command happens to fill it: that
 * copy, with its {@code fsync}, would otherwise land inside a user's command now and then.
 */
public final class Database implements AutoCloseable {
  /**
   * How long the writer waits for another process that holds the write lock before the write fails.
   * Long enough for a backup or a second process's batch; the chat adapters tell the user
   * "logging…" meanwhile and confirm afterwards.
   */
  private static final int BUSY_TIMEOUT_MILLIS = 30_000;

  private static final int POOL_SIZE = 4;
  private static final long CHECKPOINT_EVERY_MILLIS = 200;

  /** The two engines Salesmeter runs on. */
  public enum Engine {
    SQLITE,
    POSTGRESQL
  }

  private static final int POSTGRES_POOL_SIZE = 10;

  private final Engine engine;

  /** The SQLite file; null on PostgreSQL. */
  private final Path file;

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final ScheduledExecutorService checkpoints;

  /** Fair: writes go in the order they came, so none starves behind a burst of others. */
  private final ReentrantLock writer = new ReentrantLock(true);

  private Database(Engine engine, Path file, HikariDataSource pool) {
    this.engine = engine;
    this.file = file;
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    // Our SQL has no <template> parts: skip rendering every statement through a template engine.
    jdbi.setTemplateEngine(new NoTemplateEngine());
    if (engine == Engine.POSTGRESQL) {
      // The driver prepares a statement on the server once it ran a few times: nothing to keep.
      this.checkpoints = null;
      return;
    }
    jdbi.setStatementBuilderFactory(new ReusedStatements());
    this.checkpoints =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "sqlite-checkpoint");
              thread.setDaemon(true);
              return thread;
            });
    checkpoints.scheduleWithFixedDelay(
        this::checkpoint, CHECKPOINT_EVERY_MILLIS, CHECKPOINT_EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Opens (creating if needed) the database file and applies any pending migrations. */
  public static Database open(Path file) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder of " + file, e);
    }
    HikariConfig poolConfig = new HikariConfig();
    poolConfig.setDataSource(dataSource(file));
    poolConfig.setMaximumPoolSize(POOL_SIZE);
    poolConfig.setPoolName("sqlite");
    // A local file's connections never go stale, and they hold the reused prepared statements.
    poolConfig.setMaxLifetime(0);
    poolConfig.setIdleTimeout(0);
    poolConfig.setMinimumIdle(POOL_SIZE);
    HikariDataSource pool = new HikariDataSource(poolConfig);
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(Engine.SQLITE, file, pool);
  }

  /**
   * Connects to a PostgreSQL database and applies any pending migrations (its own: {@code
   * db/postgresql}).
   *
   * @param url {@code jdbc:postgresql://host:5432/name}
   * @param user empty for the driver's default (the URL may name one)
   * @param password empty for none (the URL, {@code .pgpass} or trust may do)
   */
  public static Database openPostgres(String url, String user, String password) {
    HikariConfig poolConfig = new HikariConfig();
    poolConfig.setJdbcUrl(url);
    if (!user.isBlank()) {
      poolConfig.setUsername(user);
    }
    if (!password.isEmpty()) {
      poolConfig.setPassword(password);
    }
    poolConfig.setDriverClassName("org.postgresql.Driver");
    poolConfig.setMaximumPoolSize(POSTGRES_POOL_SIZE);
    poolConfig.setPoolName("postgresql");
    poolConfig.addDataSourceProperty("options", "-c synchronous_commit=on");
    poolConfig.addDataSourceProperty("connectTimeout", "10");
    poolConfig.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource pool = new HikariDataSource(poolConfig);
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/postgresql").load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(Engine.POSTGRESQL, null, pool);
  }

  /** Which engine this is. */
  public Engine engine() {
    return engine;
  }

  /** A data source with the same durability settings, for benchmarks that compare bare JDBC. */
  public static SQLiteDataSource dataSource(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // Checkpoints run in the background (see the class comment), not when a commit fills the WAL.
    config.setWalAutocheckpoint(0);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  /**
   * Opens an existing database read-only (SQLite's {@code mode=ro}), without migrating it: for
   * inspecting a file another process writes, and for tests of what happens when writes fail.
   */
  public static Database openReadOnly(Path file) {
    SQLiteDataSource dataSource = dataSource(file);
    // Read-only by the URL alone: Hikari resets a connection's read-only flag, which SQLite's
    // driver refuses once connected.
    dataSource.setUrl("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
    HikariConfig poolConfig = new HikariConfig();
    poolConfig.setDataSource(dataSource);
    poolConfig.setMaximumPoolSize(POOL_SIZE);
    poolConfig.setPoolName("sqlite-read-only");
    return new Database(Engine.SQLITE, file, new HikariDataSource(poolConfig));
  }

  /** For reads. Writes go through {@link #write}. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Runs a write transaction. On SQLite as this process's one writer: it waits its turn behind the
   * writes already queued, then takes SQLite's write lock at BEGIN. A transaction nested in another
   * on the same thread would wait for its own lock on a second connection: never call this inside
   * one. On PostgreSQL writes run at once, side by side; the rows they touch decide their order.
   */
  public <R, X extends Exception> R write(HandleCallback<R, X> transaction) throws X {
    if (engine == Engine.POSTGRESQL) {
      return jdbi.inTransaction(transaction);
    }
    writer.lock();
    try {
      return jdbi.inTransaction(transaction);
    } finally {
      writer.unlock();
    }
  }

  /** How many writes wait for their turn now (not counting the one writing): the queue's depth. */
  public int writesWaiting() {
    return writer.getQueueLength();
  }

  /**
   * Rewrites the health probe's one row in a transaction: what {@code /healthz} asks to prove that
   * the database still takes writes.
   *
   * @return empty when the write was committed, else what the database said (one line)
   */
  public Optional<String> probeWrite() {
    // Plain JDBC on a fresh statement: a failed write must not leave a reused statement behind
    // that answers the next probe with a confusing error instead of the real one.
    boolean sqlite = engine == Engine.SQLITE;
    if (sqlite) {
      writer.lock();
    }
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE health_probe SET written_at = ? WHERE id = 1")) {
        update.setString(1, Instant.now().toString());
        update.executeUpdate();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException alsoFailed) {
          e.addSuppressed(alsoFailed); // the write's own failure is the one to tell
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof SQLException)) {
        cause = cause.getCause();
      }
      String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      return Optional.of(message.lines().findFirst().orElse(message));
    } finally {
      if (sqlite) {
        writer.unlock();
      }
    }
  }

  /**
   * Writes a consistent copy of the database to a new file ({@code VACUUM INTO}): one snapshot,
   * read while writers go on (WAL), compacted. On a connection of its own: SQLite refuses it on one
   * whose reused statements are still open. SQLite only: PostgreSQL is backed up by pg_dump.
   */
  public void copyTo(Path target) {
    if (engine != Engine.SQLITE) {
      throw new UnsupportedOperationException("a PostgreSQL database is backed up with pg_dump");
    }
    try (Connection connection = dataSource(file).getConnection();
        PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, target.toAbsolutePath().toString());
      vacuum.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("could not copy " + file + " to " + target, e);
    }
  }

  private void checkpoint() {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (SQLException | RuntimeException e) {
      // A passive checkpoint that cannot run now (the pool is closing, the file is busy) loses
      // nothing: the pages stay in the WAL, which every reader sees, and the next one copies them.
    }
  }

  @Override
  public void close() {
    // Let a checkpoint that is running finish first: interrupted, its connection was still in use
    // when the pool closed, so the last close did not fold the WAL into the file (a copy of the
    // file alone then lacked the latest writes).
    if (checkpoints != null) {
      checkpoints.shutdown();
      try {
        checkpoints.awaitTermination(BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pool.close();
  }
}
