package dev.salesmeter.store;

import java.util.Objects;
import java.util.Optional;

/**
 * What an opportunity is, as the database's {@code opportunity_states} view derives it from its
 * live events (KPIS.md): won by a live sale, else lost by a live lost, else open; or gone, when
 * none of its events counts any more.
 *
 * @param closedBy the number of the event that decides a won or lost state: the first live sale, or
 *     the first live lost
 */
public record OpportunityState(Status status, Optional<Long> closedBy) {
  /** The states an opportunity can be in. */
  public enum Status {
    OPEN,
    WON,
    LOST,
    /** None of its events counts: it is neither open nor closed. */
    GONE
  }

  public OpportunityState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(closedBy, "closedBy");
  }
}
