package dev.salesmeter.schedule;

import dev.salesmeter.command.Reply;
import dev.salesmeter.core.WorkspaceId;

/**
 * A platform, as the scheduler posts to it: each adapter implements this. A call returns once the
 * platform has accepted the post, or throws {@link PostFailure}.
 */
public interface Poster {
  /**
   * Posts the reply (text and chart) to a channel.
   *
   * @param key what this post is (its schedule and period, at most 25 characters), the same when a
   *     post is tried again, so that a platform that can recognise a repeat does
   */
  void post(WorkspaceId workspace, String channel, Reply reply, String key) throws PostFailure;

  /** Sends the reply to one person, privately. */
  void tell(WorkspaceId workspace, String user, Reply reply) throws PostFailure;
}
