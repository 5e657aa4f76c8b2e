package dev.salesmeter.store;

import dev.salesmeter.core.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The JSON API's tokens, stored as SHA-256 hashes only. A token's name is unique among the
 * workspace's live tokens; revoking keeps the row and frees the name.
 */
public final class ApiTokens {
  private static final String COLUMNS =
      "id, workspace_id, name, created_by, created_at, last_used_at";

  private final Database database;

  public ApiTokens(Database database) {
    this.database = database;
  }

  /**
   * Stores a new token's hash under a name.
   *
   * @param hash the lowercase hex SHA-256 of the token
   * @return the token, or empty when a live token of the workspace has that name already
   */
  public Optional<ApiToken> create(
      WorkspaceId workspace, String name, String hash, String createdBy, Instant now) {
    return database.write(
        handle -> {
          boolean taken =
              handle
                      .createQuery(
                          "SELECT COUNT(*) FROM api_tokens WHERE workspace_id = :ws AND name = :name"
                              + " AND revoked_at IS NULL")
                      .bind("ws", workspace.value())
                      .bind("name", name)
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (taken) {
            return Optional.empty();
          }
          return Optional.of(
              handle
                  .createQuery(
                      "INSERT INTO api_tokens (workspace_id, name, token_hash, created_by,"
                          + " created_at) VALUES (:ws, :name, :hash, :by, :now) RETURNING "
                          + COLUMNS)
                  .bind("ws", workspace.value())
                  .bind("name", name)
                  .bind("hash", hash)
                  .bind("by", createdBy)
                  .bind("now", now.toEpochMilli())
                  .map(ApiTokens::token)
                  .one());
        });
  }

  /** The workspace's live tokens, oldest first. */
  public List<ApiToken> live(WorkspaceId workspace) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT "
                            + COLUMNS
                            + " FROM api_tokens WHERE workspace_id = :ws AND revoked_at IS NULL"
                            + " ORDER BY created_at, id")
                    .bind("ws", workspace.value())
                    .map(ApiTokens::token)
                    .list());
  }

  /** The live token with this hash, of whichever workspace made it. */
  public Optional<ApiToken> byHash(String hash) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT "
                            + COLUMNS
                            + " FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
                    .bind("hash", hash)
                    .map(ApiTokens::token)
                    .findOne());
  }

  /** Revokes the workspace's live token of that name; false when there is none. */
  public boolean revoke(WorkspaceId workspace, String name, Instant now) {
    return database.write(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE api_tokens SET revoked_at = :now WHERE workspace_id = :ws"
                            + " AND name = :name AND revoked_at IS NULL")
                    .bind("ws", workspace.value())
                    .bind("name", name)
                    .bind("now", now.toEpochMilli())
                    .execute())
        == 1;
  }

  /** Records that a token opened a request. */
  public void used(long id, Instant now) {
    database.write(
        handle ->
            handle
                .createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .execute());
  }

  private static ApiToken token(ResultSet row, StatementContext context) throws SQLException {
    long lastUsed = row.getLong("last_used_at");
    boolean neverUsed = row.wasNull();
    return new ApiToken(
        row.getLong("id"),
        new WorkspaceId(row.getString("workspace_id")),
        row.getString("name"),
        row.getString("created_by"),
        Instant.ofEpochMilli(row.getLong("created_at")),
        neverUsed ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastUsed)));
  }
}
