package dev.salesmeter.web;

import dev.salesmeter.core.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/**
 * Who is looking at a workspace's dashboard: what a signed link said, carried by its session.
 *
 * @param userId the chat user the link was made for (a Slack or Discord user id, or the console
 *     name); for a screen, the manager who made it
 * @param expires when the link, and so the session, stops working
 */
public record Viewer(WorkspaceId workspace, String userId, Role role, Instant expires) {
  /** What a link lets its holder do. */
  public enum Role {
    /** A member of the workspace: every figure and what each is made of. */
    MEMBER,
    /** A manager: as a member. */
    MANAGER,
    /** A screen on the wall: the figures, read-only, without the events behind them. */
    SCREEN
  }

  public Viewer {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(expires, "expires");
  }

  /** Whether the viewer may open the events behind a number (and download them). */
  public boolean mayDrillDown() {
    return role != Role.SCREEN;
  }
}
