package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.Customer;
import dev.salesmeter.store.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CustomerMatcherTest {
  private static final WorkspaceId WORKSPACE = new WorkspaceId("T1");
  private final List<Customer> known = new ArrayList<>();
  private final EventLog.CustomersAfter added =
      after -> known.stream().filter(c -> c.id() > after).toList();
  private final CustomerMatcher matcher = new CustomerMatcher();

  private void know(String... names) {
    for (String name : names) {
      known.add(new Customer(known.size() + 1, name));
    }
  }

  private Optional<String> closest(String typed) {
    return matcher.closest(WORKSPACE, typed, added).map(Customer::name);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // one edit anywhere in a short or long name
    "Bakkery Jansen, Bakkerij Jansen",
    "akkerij Jansen, Bakkerij Jansen",
    "Bakkerij Janse, Bakkerij Jansen",
    "Xakkerij Jansen, Bakkerij Jansen",
    "Acne, Acme",
    "Acm, ''",
    // two edits in a name of ten or more characters
    "Bakkerij Jnsn, Bakkerij Jansen",
    // 3M is not 3B: below four characters nothing is close
    "3B, ''",
    // three edits is another customer
    "Bakkerij Jonsson, ''",
    // an exact match (after normalising) is not a suggestion
    "bakkerij  JANSEN b.v., ''",
  })
  @DisplayName("a new name within the allowed edits of a known one is caught")
  void closeNames(String typed, String expected) {
    know("Bakkerij Jansen", "Acme", "3M", "Garage de Vries");
    assertThat(closest(typed)).isEqualTo(Optional.ofNullable(expected).filter(e -> !e.isEmpty()));
  }

  @Test
  @DisplayName("customers added after the first look are found too, and the closest wins")
  void catchesUp() {
    know("Garage de Vries");
    assertThat(closest("Garage de Vris")).contains("Garage de Vries");
    know("Garage de Vis");
    // never the same customer: the closest other one
    assertThat(closest("garage de vis")).contains("Garage de Vries");
    assertThat(closest("Garage de Vic")).contains("Garage de Vis");
  }

  @Test
  @DisplayName("two edits at both ends of a long name are not caught (documented limit)")
  void bothEnds() {
    know("Bakkerij Jansen");
    assertThat(closest("Xakkerij JanseX")).isEmpty();
  }
}
