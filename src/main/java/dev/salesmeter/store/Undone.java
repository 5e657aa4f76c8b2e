package dev.salesmeter.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A void as logged, with what it did to the opportunity of the event it undid.
 *
 * @param undo the void event
 * @param opportunity the opportunity's state before and after, where the event was on one
 */
public record Undone(LoggedEvent undo, Optional<OpportunityChange> opportunity) {
  public Undone {
    Objects.requireNonNull(undo, "undo");
    Objects.requireNonNull(opportunity, "opportunity");
  }

  /** An opportunity's state before and after a void, read in the void's transaction. */
  public record OpportunityChange(
      Customer customer, OpportunityState before, OpportunityState after) {}
}
