package dev.salesmeter.store;

/** The outcome of appending an event: logged, or refused by a rule of the sales process. */
public sealed interface AppendResult {
  /** The event is in the log (or was already, for a repeated interaction id). */
  record Logged(LoggedEvent event) implements AppendResult {}

  /** A follow-up or lost event for a customer who has no open opportunity. */
  record NoOpenOpportunity(Customer customer) implements AppendResult {}

  /** A new customer name close to a known customer's: nothing was stored. */
  record SimilarCustomer(String name, Customer known) implements AppendResult {}

  /** A churn for a customer with no sale since their last churn (or none at all). */
  record NotActiveCustomer(Customer customer) implements AppendResult {}

  /** A follow-up, lost or churn event for a customer the workspace does not know. */
  record UnknownCustomer(String name) implements AppendResult {}
}
