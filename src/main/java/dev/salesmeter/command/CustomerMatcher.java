package dev.salesmeter.command;

import dev.salesmeter.core.CustomerName;
import dev.salesmeter.core.WorkspaceId;
import dev.salesmeter.store.Customer;
import dev.salesmeter.store.EventLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds a known customer whose name is close to a new one ("Bakkery Jansen" for "Bakkerij Jansen"),
 * so that a typo does not silently create a second customer. Names are compared by their matching
 * keys; the edits allowed grow with the name: none below 4 characters (3M is not 3B), one up to 9,
 * two from 10.
 *
 * <p>Each workspace's names are kept in memory, caught up by id with the customers added since the
 * last look (also by another process). Comparing a new name with every known one took a quarter of
 * a millisecond at 20,000 customers, so only names that begin or end like the new one are compared:
 * the first and last two characters (three from 10 characters on). One edit cannot change both ends
 * of a name of four or more characters, so every one-edit typo is found; a two-edit typo is missed
 * only when it changes both ends of a long name.
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
    int allowed = allowedEdits(key);
    if (allowed == 0) {
      return Optional.empty();
    }
    Names known = names.computeIfAbsent(workspace, w -> new Names());
    synchronized (known) {
      known.catchUp(added);
      LevenshteinDistance distance = new LevenshteinDistance(allowed);
      Customer best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Name candidate : known.sameEnds(key)) {
        int d = distance.apply(key, candidate.key());
        if (d > 0 && d < bestDistance) {
          best = candidate.customer();
          bestDistance = d;
        }
      }
      return Optional.ofNullable(best);
    }
  }

  /**
   * Known customers for a name being typed, best first: names that begin with it, then names with a
   * word that begins with it, then names that begin within the allowed edits of it (a typo). With
   * nothing typed, the customers added last.
   */
  List<Customer> suggest(
      WorkspaceId workspace, String typed, EventLog.CustomersAfter added, int most) {
    String key = CustomerName.key(typed);
    Names known = names.computeIfAbsent(workspace, w -> new Names());
    synchronized (known) {
      known.catchUp(added);
      if (key.isEmpty()) {
        List<Customer> newest = new ArrayList<>();
        for (int i = known.all.size() - 1; i >= 0 && newest.size() < most; i--) {
          newest.add(known.all.get(i).customer());
        }
        return newest;
      }
      int allowed = allowedEdits(key);
      LevenshteinDistance distance = new LevenshteinDistance(allowed);
      record Ranked(Customer customer, int rank) {}
      List<Ranked> ranked = new ArrayList<>();
      for (Name name : known.all) {
        int rank;
        if (name.key().startsWith(key)) {
          rank = 0;
        } else if (name.key().contains(" " + key)) {
          rank = 1;
        } else if (allowed > 0 && name.key().length() >= key.length()) {
          int d = distance.apply(key, name.key().substring(0, key.length()));
          rank = d < 0 ? -1 : 1 + d;
        } else {
          rank = -1;
        }
        if (rank >= 0) {
          ranked.add(new Ranked(name.customer(), rank));
        }
      }
      return ranked.stream()
          .sorted(
              Comparator.comparingInt(Ranked::rank)
                  .thenComparing(r -> r.customer().name(), String.CASE_INSENSITIVE_ORDER))
          .limit(most)
          .map(Ranked::customer)
          .toList();
    }
  }

  private static int allowedEdits(String key) {
    return key.length() < 4 ? 0 : key.length() < 10 ? 1 : 2;
  }

  /** A known customer's name as the matcher compares it. */
  private record Name(Customer customer, String key) {}

  /**
   * One workspace's names, indexed by how they begin and end and by their length ("^ba|15",
   * "en$|15"), and the last customer id read.
   */
  private static final class Names {
    private final List<Name> all = new ArrayList<>();
    private final Map<String, List<Name>> byEnds = new HashMap<>();
    private long lastId;

    void catchUp(EventLog.CustomersAfter added) {
      for (Customer customer : added.after(lastId)) {
        String key = CustomerName.key(customer.name());
        Name name = new Name(customer, key);
        all.add(name);
        for (int width = 2; width <= 3; width++) {
          for (String end : ends(key, width)) {
            byEnds.computeIfAbsent(end + "|" + key.length(), e -> new ArrayList<>()).add(name);
          }
        }
        lastId = Math.max(lastId, customer.id());
      }
    }

    /**
     * The names that begin or end with the same characters as the key and are no more letters
     * longer or shorter than the edits allowed, each once.
     */
    Set<Name> sameEnds(String key) {
      int allowed = allowedEdits(key);
      int width = allowed == 1 ? 2 : 3;
      // A name that both begins and ends like the key is listed twice; compare it once.
      Set<Name> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
      for (String end : ends(key, width)) {
        for (int length = key.length() - allowed; length <= key.length() + allowed; length++) {
          candidates.addAll(byEnds.getOrDefault(end + "|" + length, List.of()));
        }
      }
      return candidates;
    }

    /** The first and the last {@code width} characters of a key, marked apart. */
    private static List<String> ends(String key, int width) {
      if (key.length() < width) {
        return List.of();
      }
      return List.of("^" + key.substring(0, width), key.substring(key.length() - width) + "$");
    }
  }
}
