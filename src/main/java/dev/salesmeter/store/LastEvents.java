package dev.salesmeter.store;

import dev.salesmeter.core.WorkspaceId;

/**
 * The number of a workspace's latest event: every change to its figures (a step, a sale, a void, a
 * correction, a target, a cost) is an event, so a result computed at one number holds until the
 * next.
 */
public final class LastEvents {
  private final Database database;

  public LastEvents(Database database) {
    this.database = database;
  }

  /** The latest event's number, 0 before the first; one lookup in the (workspace, number) index. */
  public long number(WorkspaceId workspace) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT COALESCE(MAX(number), 0) FROM events WHERE workspace_id = :ws")
                    .bind("ws", workspace.value())
                    .mapTo(Long.class)
                    .one());
  }
}
