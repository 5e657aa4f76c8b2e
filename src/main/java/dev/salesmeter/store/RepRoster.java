package dev.salesmeter.store;

import dev.salesmeter.core.WorkspaceId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The reps a workspace knows, in the order they were first seen: what a rep named by hand
 * ({@code @ana}) is compared with, so that a typo gets "did you mean @anna?" instead of a second
 * rep. Reps are added by the event log as they log or are logged for.
 */
public final class RepRoster {
  private final Jdbi jdbi;

  public RepRoster(Database database) {
    this.jdbi = database.jdbi();
  }

  /** The workspace's reps added after the one with id {@code afterId}, in order. */
  public List<Rep> after(WorkspaceId workspace, long afterId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, platform_user_id, display_name FROM reps"
                        + " WHERE workspace_id = :ws AND id > :after ORDER BY id")
                .bind("ws", workspace.value())
                .bind("after", afterId)
                .map((rs, ctx) -> Rep.read(rs))
                .list());
  }
}
