package dev.salesmeter.store;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A workspace's customers and reps: found by name or platform id, and created by the appending
 * transaction when first named. Nothing is kept in memory, so a name another process created a
 * moment ago is found (and "did you mean" offers it).
 */
public final class Directory {
  private final Jdbi jdbi;
  private final Clock clock;

  /**
   * @param clock when a rep is first seen
   */
  public Directory(Database database, Clock clock) {
    this.jdbi = database.jdbi();
    this.clock = clock;
  }

  /** The customer whose name matches exactly (by {@link CustomerName#key}). */
  public Optional<Customer> customer(WorkspaceId workspace, String name) {
    return jdbi.withHandle(handle -> findCustomer(handle, workspace, CustomerName.key(name)));
  }

  /** Every customer of the workspace, in the order they were added. */
  public List<Customer> customers(WorkspaceId workspace) {
    return customersAfter(workspace, 0);
  }

  /**
   * The workspace's customers added after the one with id {@code afterId}, in order: what a cache
   * of names needs to catch up.
   */
  public List<Customer> customersAfter(WorkspaceId workspace, long afterId) {
    return jdbi.withHandle(handle -> customersAfter(handle, workspace, afterId));
  }

  static List<Customer> customersAfter(Handle handle, WorkspaceId workspace, long afterId) {
    return handle
        .createQuery(
            "SELECT id, name FROM customers WHERE workspace_id = :ws AND id > :after ORDER BY id")
        .bind("ws", workspace.value())
        .bind("after", afterId)
        .map((rs, ctx) -> new Customer(rs.getLong("id"), rs.getString("name")))
        .list();
  }

  /** The rep a mention names, if the workspace knows them. */
  public Optional<Rep> rep(WorkspaceId workspace, RepMention mention) {
    return jdbi.withHandle(handle -> findRep(handle, workspace, mention));
  }

  static Optional<Customer> findCustomer(Handle handle, WorkspaceId workspace, String key) {
    return handle
        .createQuery("SELECT id, name FROM customers WHERE workspace_id = :ws AND name_key = :key")
        .bind("ws", workspace.value())
        .bind("key", key)
        .map((rs, ctx) -> new Customer(rs.getLong("id"), rs.getString("name")))
        .findOne();
  }

  static Customer insertCustomer(
      Handle handle, WorkspaceId workspace, String name, String key, NewEvent event) {
    long id =
        handle
            .createQuery(
                "INSERT INTO customers (workspace_id, name, name_key, created_at)"
                    + " VALUES (:ws, :name, :key, :now) RETURNING id")
            .bind("ws", workspace.value())
            .bind("name", name)
            .bind("key", key)
            .bind("now", event.loggedAt().toEpochMilli())
            .mapTo(Long.class)
            .one();
    return new Customer(id, name);
  }

  /**
   * A mention with a platform id finds that user; a mention by name alone finds the rep of that
   * name, or creates one keyed by the name (the console's users are their names).
   */
  static Optional<Rep> findRep(Handle handle, WorkspaceId workspace, RepMention mention) {
    String sql =
        mention.platformUserId().isPresent()
            ? "SELECT id, platform_user_id, display_name FROM reps"
                + " WHERE workspace_id = :ws AND platform_user_id = :pid"
            : "SELECT id, platform_user_id, display_name FROM reps"
                + " WHERE workspace_id = :ws AND (name_key = :key OR platform_user_id = :key)"
                + " ORDER BY id LIMIT 1";
    return handle
        .createQuery(sql)
        .bind("ws", workspace.value())
        .bind("pid", mention.platformUserId().orElse(null))
        .bind("key", CustomerName.fold(mention.displayName()))
        .map((rs, ctx) -> Rep.read(rs))
        .findOne();
  }

  Rep findOrCreateRep(Handle handle, WorkspaceId workspace, RepMention mention) {
    return findRep(handle, workspace, mention)
        .orElseGet(
            () -> {
              String key = CustomerName.fold(mention.displayName());
              String platformUserId = mention.platformUserId().orElse(key);
              long id =
                  handle
                      .createQuery(
                          "INSERT INTO reps (workspace_id, platform_user_id, display_name,"
                              + " name_key, created_at) VALUES (:ws, :pid, :name, :key, :now)"
                              + " RETURNING id")
                      .bind("ws", workspace.value())
                      .bind("pid", platformUserId)
                      .bind("name", mention.displayName())
                      .bind("key", key)
                      .bind("now", clock.millis())
                      .mapTo(Long.class)
                      .one();
              return new Rep(id, platformUserId, mention.displayName());
            });
  }
}
