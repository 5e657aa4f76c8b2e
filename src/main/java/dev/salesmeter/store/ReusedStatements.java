package dev.salesmeter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps each pooled SQLite connection's prepared statements for reuse. Jdbi 3 prepares every
 * statement anew and SQLite compiles every prepare (about 65 µs for the event query here), which
 * made a logged command several times slower than the same statements prepared once. Jdbi leaves
 * closing a statement to its builder for exactly this purpose.
 *
 * <p>Statements are prepared on the physical connection, not on the pool's proxy (which would close
 * them when the connection goes back to the pool), so the pool must never retire a connection
 * ({@link Database} sets no lifetime). A connection serves one thread at a time, so its own map
 * needs no lock.
 */
final class ReusedStatements implements StatementBuilderFactory {
  private final Map<SQLiteConnection, Map<String, PreparedStatement>> byConnection =
      new ConcurrentHashMap<>();

  @Override
  public StatementBuilder createStatementBuilder(Connection connection) {
    return new DefaultStatementBuilder() {
      @Override
      public PreparedStatement create(Connection conn, String sql, StatementContext ctx)
          throws SQLException {
        if (ctx.isConcurrentUpdatable()) {
          return super.create(conn, sql, ctx);
        }
        SQLiteConnection physical = conn.unwrap(SQLiteConnection.class);
        Map<String, PreparedStatement> prepared =
            byConnection.computeIfAbsent(physical, c -> new HashMap<>());
        String key = ctx.isReturningGeneratedKeys() ? "keys:" + sql : sql;
        PreparedStatement statement = prepared.get(key);
        if (statement == null || !usable(statement)) {
          statement = super.create(physical, sql, ctx);
          prepared.put(key, statement);
        }
        // No clearParameters(): Jdbi binds every parameter on each use (a missing one is an
        // error), and sqlite-jdbc's clearParameters costs as much as a prepare.
        return statement;
      }

      /**
       * Whether a kept statement can run again. sqlite-jdbc finalizes a statement whose step failed
       * (SQLITE_FULL, SQLITE_READONLY) without marking it closed; reused, it would fail every later
       * command of its kind on this connection ("statement is not executing") even after the disk
       * has room again. Asking its parameter count checks exactly that, cheaply.
       */
      private static boolean usable(PreparedStatement statement) {
        try {
          if (statement.isClosed()) {
            return false;
          }
          statement.getParameterMetaData().getParameterCount();
          return true;
        } catch (SQLException finalized) {
          return false;
        }
      }

      @Override
      public void close(Connection conn, String sql, Statement statement) {
        // kept open for the next use on this connection; Jdbi has closed its result set
      }
    };
  }
}
