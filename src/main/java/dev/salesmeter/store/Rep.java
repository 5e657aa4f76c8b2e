package dev.salesmeter.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A salesperson (or manager) known in a workspace. */
public record Rep(long id, String platformUserId, String displayName) {
  /** The rep of a row of {@code reps} (its columns id, platform_user_id and display_name). */
  public static Rep read(ResultSet row) throws SQLException {
    return new Rep(
        row.getLong("id"), row.getString("platform_user_id"), row.getString("display_name"));
  }
}
