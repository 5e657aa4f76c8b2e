package dev.salesmeter.command;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.Customer;
import dev.salesmeter.store.EventLog;
import java.util.List;
import java.util.Optional;

/**
 * Finds a known customer whose name is close to a new one ("Bakkery Jansen" for "Bakkerij Jansen"),
 * so that a typo does not silently create a second customer: a {@link NameMatcher} on the
 * customers' matching keys ({@link CustomerName#key}), with no edits below 4 characters (3M is not
 * 3B).
 */
public final class CustomerMatcher {
  private final NameMatcher<Customer> names =
      new NameMatcher<>(Customer::id, Customer::name, CustomerName::key, 4, false);

  /**
   * The closest known customer within the allowed edits, if any (never an exact match).
   *
   * @param added reads the customers added since this matcher last looked
   */
  public Optional<Customer> closest(
      WorkspaceId workspace, String typed, EventLog.CustomersAfter added) {
    return names.closest(workspace, typed, added::after);
  }

  /**
   * Known customers for a name being typed, best first: names that begin with it, then names with a
   * word that begins with it, then names that begin within the allowed edits of it (a typo). With
   * nothing typed, the customers added last.
   */
  List<Customer> suggest(
      WorkspaceId workspace, String typed, EventLog.CustomersAfter added, int most) {
    return names.suggest(workspace, typed, added::after, most);
  }
}
