package dev.salesmeter.store;

import dev.salesmeter.core.WorkspaceId;
import java.util.OptionalLong;

/**
 * Each workspace's link epoch: a number every signed dashboard link and session carries. Raising it
 * revokes them all at once, without storing a single link.
 */
public final class LinkEpochs {
  private final Database database;

  public LinkEpochs(Database database) {
    this.database = database;
  }

  /** The workspace's current epoch; empty for a workspace this database does not know. */
  public OptionalLong epoch(WorkspaceId workspace) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT link_epoch FROM workspaces WHERE id = :ws")
                    .bind("ws", workspace.value())
                    .mapTo(Long.class)
                    .findOne())
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  /**
   * Raises the workspace's epoch by one, so that every link and session signed before stops
   * working.
   *
   * @return the new epoch
   * @throws IllegalArgumentException for a workspace this database does not know
   */
  public long revoke(WorkspaceId workspace) {
    return database.write(
        handle ->
            handle
                .createQuery(
                    "UPDATE workspaces SET link_epoch = link_epoch + 1 WHERE id = :ws"
                        + " RETURNING link_epoch")
                .bind("ws", workspace.value())
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(
                    () -> new IllegalArgumentException("no workspace " + workspace.value())));
  }
}
