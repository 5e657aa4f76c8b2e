package dev.salesmeter.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What a SQLite file holds, read with plain JDBC once no Salesmeter has it open: the events by
 * interaction id, SQLite's own integrity check, and whether each workspace's numbers run 1, 2, 3…
 */
final class StoredEvents {
  private StoredEvents() {}

  /** Interaction id → its event's number, in one workspace (the unique index allows one each). */
  static Map<String, Long> byInteraction(Path database, String workspace) throws SQLException {
    Map<String, Long> numbers = new HashMap<>();
    try (Connection connection = open(database);
        var statement =
            connection.prepareStatement(
                "SELECT interaction_id, number FROM events WHERE workspace_id = ?")) {
      statement.setString(1, workspace);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Long earlier = numbers.put(rows.getString(1), rows.getLong(2));
          assertThat(earlier).as("interaction %s stored twice", rows.getString(1)).isNull();
        }
      }
    }
    return numbers;
  }

  /** SQLite's {@code PRAGMA integrity_check} is "ok" and every workspace numbers without gaps. */
  static void assertSound(Path database) throws SQLException {
    try (Connection connection = open(database);
        Statement statement = connection.createStatement()) {
      try (ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
        assertThat(check.next()).isTrue();
        assertThat(check.getString(1)).isEqualTo("ok");
      }
      try (ResultSet numbers =
          statement.executeQuery(
              "SELECT workspace_id, count(*), count(DISTINCT number), min(number), max(number)"
                  + " FROM events GROUP BY workspace_id")) {
        while (numbers.next()) {
          long count = numbers.getLong(2);
          assertThat(numbers.getLong(3)).as("distinct numbers").isEqualTo(count);
          assertThat(numbers.getLong(4)).as("first number").isEqualTo(1);
          assertThat(numbers.getLong(5))
              .as("last number of %s: no gaps", numbers.getString(1))
              .isEqualTo(count);
        }
      }
    }
  }

  private static Connection open(Path database) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + database);
  }
}
