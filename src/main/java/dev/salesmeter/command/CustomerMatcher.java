package dev.salesmeter.command;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.store.Customer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds a known customer whose name is close to a new one ("Bakkery Jansen" for "Bakkerij Jansen"),
 * so that a typo does not silently create a second customer. Names are compared by their matching
 * keys; the edits allowed grow with the name: none below 4 characters (3M is not 3B), one up to 9,
 * two from 10.
 */
final class CustomerMatcher {
  private CustomerMatcher() {}

  static Optional<Customer> closest(String typed, List<Customer> known) {
    String key = CustomerName.key(typed);
    int allowed = key.length() < 4 ? 0 : key.length() < 10 ? 1 : 2;
    if (allowed == 0) {
      return Optional.empty();
    }
    LevenshteinDistance distance = new LevenshteinDistance(allowed);
    record Candidate(Customer customer, int distance) {}
    return known.stream()
        .map(c -> new Candidate(c, distance.apply(key, CustomerName.key(c.name()))))
        .filter(candidate -> candidate.distance() > 0)
        .min(Comparator.comparingInt(Candidate::distance))
        .map(Candidate::customer);
  }
}
