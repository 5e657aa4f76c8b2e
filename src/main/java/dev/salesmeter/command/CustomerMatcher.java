package dev.salesmeter.command;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.Customer;
import dev.salesmeter.store.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds a known customer whose name is close to a new one ("Bakkery Jansen" for "Bakkerij Jansen"),
 * so that a typo does not silently create a second customer. Names are compared by their matching
 * keys; the edits allowed grow with the name: none below 4 characters (3M is not 3B), one up to 9,
 * two from 10.
 *
 * <p>It keeps each workspace's names in memory and reads only the customers added since it last
 * looked, so a miss costs a scan of strings, not of the customers table; customers another process
 * added are picked up the same way. Before the edit distance, a count filter drops most names
 * cheaply: each edit changes at most two letter counts, so names whose letter counts differ by more
 * than twice the allowed edits cannot be close.
 */
final class CustomerMatcher {
  private final Map<WorkspaceId, Names> names = new ConcurrentHashMap<>();

  /**
   * The closest known customer within the allowed edits, if any (never an exact match).
   *
   * @param added reads the customers added since this matcher last looked
   */
  Optional<Customer> closest(WorkspaceId workspace, String typed, EventLog.CustomersAfter added) {
    String key = CustomerName.key(typed);
    int allowed = key.length() < 4 ? 0 : key.length() < 10 ? 1 : 2;
    if (allowed == 0) {
      return Optional.empty();
    }
    Names known = names.computeIfAbsent(workspace, w -> new Names());
    synchronized (known) {
      known.catchUp(added);
      LevenshteinDistance distance = new LevenshteinDistance(allowed);
      byte[] letters = letterCounts(key);
      Customer best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (int i = 0; i < known.keys.size(); i++) {
        String candidate = known.keys.get(i);
        if (Math.abs(candidate.length() - key.length()) > allowed
            || countDifference(letters, known.letters.get(i)) > 2 * allowed) {
          continue;
        }
        int d = distance.apply(key, candidate);
        if (d > 0 && d < bestDistance) {
          best = known.customers.get(i);
          bestDistance = d;
        }
      }
      return Optional.ofNullable(best);
    }
  }

  /** How often each letter a–z occurs, and (last) how many other characters there are. */
  private static byte[] letterCounts(String key) {
    byte[] counts = new byte[27];
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      int slot = c >= 'a' && c <= 'z' ? c - 'a' : 26;
      counts[slot] = (byte) Math.min(Byte.MAX_VALUE, counts[slot] + 1);
    }
    return counts;
  }

  private static int countDifference(byte[] a, byte[] b) {
    int difference = 0;
    for (int i = 0; i < a.length; i++) {
      difference += Math.abs(a[i] - b[i]);
    }
    return difference;
  }

  /** One workspace's customers, their keys and letter counts, in the order they were added. */
  private static final class Names {
    private final List<Customer> customers = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<byte[]> letters = new ArrayList<>();
    private long lastId;

    void catchUp(EventLog.CustomersAfter added) {
      for (Customer customer : added.after(lastId)) {
        String key = CustomerName.key(customer.name());
        customers.add(customer);
        keys.add(key);
        letters.add(letterCounts(key));
        lastId = Math.max(lastId, customer.id());
      }
    }
  }
}
