package dev.salesmeter.web;

import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.LinkEpochs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspaces' link epochs as the web reads them on every request: from the database at most
 * once every few seconds per workspace. A revocation in this process counts at once; one made by
 * another replica within {@link #FRESH_FOR}.
 */
public final class Epochs {
  /** How long an epoch read from the database is taken as current. */
  static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private record Read(OptionalLong epoch, Instant at) {}

  private final LinkEpochs store;
  private final Clock clock;
  private final Map<WorkspaceId, Read> reads = new ConcurrentHashMap<>();

  public Epochs(LinkEpochs store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The workspace's epoch; empty for a workspace the database does not know. */
  public OptionalLong current(WorkspaceId workspace) {
    Instant now = clock.instant();
    Read read = reads.get(workspace);
    if (read == null || !now.isBefore(read.at().plus(FRESH_FOR)) || now.isBefore(read.at())) {
      read = new Read(store.epoch(workspace), now);
      reads.put(workspace, read);
    }
    return read.epoch();
  }

  /** Whether a token signed in {@code epoch} still counts for the workspace. */
  public boolean isCurrent(WorkspaceId workspace, long epoch) {
    OptionalLong current = current(workspace);
    return current.isPresent() && current.getAsLong() == epoch;
  }

  /** Revokes every link and session of the workspace; returns the new epoch. */
  public long revoke(WorkspaceId workspace) {
    long epoch = store.revoke(workspace);
    reads.put(workspace, new Read(OptionalLong.of(epoch), clock.instant()));
    return epoch;
  }
}
