package dev.salesmeter.store;

import dev.salesmeter.core.Platform;
import dev.salesmeter.core.WorkspaceId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A routine posted on schedule in one channel of a workspace.
 *
 * @param cron a five-field cron expression, read as wall-clock time in {@code zone}
 * @param setBy the platform user id of the manager who set it, who is told when it pauses
 * @param setAt when it was set: runs due before are never posted
 */
public record Schedule(
    long id,
    WorkspaceId workspace,
    Routine routine,
    Platform platform,
    String channel,
    String cron,
    ZoneId zone,
    State state,
    Optional<String> pausedReason,
    String setBy,
    Instant setAt) {

  /** What a schedule posts. */
  public enum Routine {
    /** The weekly scorecard, to the channel. */
    SCORECARD,
    /** To each rep with stale quotes, a message listing them. */
    NUDGES;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether it runs: paused when its channel is gone or the bot lost access to it. */
  public enum State {
    ACTIVE,
    PAUSED,
    STOPPED
  }

  public Schedule {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(routine, "routine");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(pausedReason, "pausedReason");
    Objects.requireNonNull(setBy, "setBy");
    Objects.requireNonNull(setAt, "setAt");
  }
}
