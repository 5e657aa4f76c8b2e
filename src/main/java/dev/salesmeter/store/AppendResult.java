package dev.salesmeter.store;

import dev.salesmeter.core.EventKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outcome of appending an event: logged, or refused by a rule of the sales process. */
public sealed interface AppendResult {
  /**
   * The event is in the log (or was already, for a repeated interaction id).
   *
   * @param alsoOpen for a lead that opened an opportunity while the customer had one open already
   *     (KPIS.md, "Where dates cross"), that open one
   */
  record Logged(LoggedEvent event, Optional<OpenOpportunity> alsoOpen) implements AppendResult {
    public Logged {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(alsoOpen, "alsoOpen");
    }

    public Logged(LoggedEvent event) {
      this(event, Optional.empty());
    }
  }

  /**
   * An event replaced by a corrected copy: the old event, its void and the copy.
   *
   * @param old the event as it was before the correction
   */
  record Replaced(LoggedEvent old, LoggedEvent undo, LoggedEvent corrected)
      implements AppendResult {}

  /** A correction of an event that was voided (or corrected) meanwhile: nothing was stored. */
  record AlreadyVoided(LoggedEvent event) implements AppendResult {}

  /** A follow-up or lost event for a customer who has no open opportunity. */
  record NoOpenOpportunity(Customer customer) implements AppendResult {}

  /** A new customer name close to a known customer's: nothing was stored. */
  record SimilarCustomer(String name, Customer known) implements AppendResult {}

  /** A churn for a customer with no sale since their last churn (or none at all). */
  record NotActiveCustomer(Customer customer) implements AppendResult {}

  /** A follow-up, lost or churn event for a customer the workspace does not know. */
  record UnknownCustomer(String name) implements AppendResult {}

  /**
   * An open opportunity, named by its first live event.
   *
   * @param number the first live event's number
   * @param kind its kind: a lead, or a quote or appointment that opened it
   * @param openedAt when that event happened
   */
  record OpenOpportunity(long number, EventKind kind, Instant openedAt) {}
}
