package dev.salesmeter.command;

import dev.salesmeter.core.WorkspaceId;
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
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds a known name close to a new one ("Bakkery Jansen" for "Bakkerij Jansen", "@ana" for
 * "anna"), so that a typo does not silently create a second customer or rep. Names are compared by
 * their matching keys; the edits allowed grow with the name: none below a shortest length (3M is
 * not 3B), one up to 9 characters, two from 10.
 *
 * <p>Each workspace's names are kept in memory, caught up by id with the ones added since the last
 * look (also by another process). Comparing a new name with every known one took a quarter of a
 * millisecond at 20,000 customers, so only names that begin or end like the new one are compared:
 * the first and last two characters (three from 10 characters on). One edit cannot change both ends
 * of a name of four or more characters, so every one-edit typo is found; a two-edit typo is missed
 * only when it changes both ends of a long name. Shorter names are compared with every known name
 * of about their length.
 *
 * @param <T> what is named: a customer, a rep
 */
final class NameMatcher<T> {
  /** Reads a workspace's known names added after the one with a given id, in order. */
  @FunctionalInterface
  interface Added<T> {
    List<T> after(long id);
  }

  private final ToLongFunction<T> id;
  private final Function<T, String> name;
  private final Function<String, String> key;
  private final int shortest;
  private final boolean numbersTell;
  private final Map<WorkspaceId, Names<T>> names = new ConcurrentHashMap<>();

  /**
   * @param id the known thing's id, increasing as they are added
   * @param name its name
   * @param key how a name is compared (case, accents and spacing folded away)
   * @param shortest the shortest key that may be one edit from another (at least 2)
   * @param numbersTell whether names with different numbers in them are never close ("rep2" is not
   *     a typo of "rep1")
   */
  NameMatcher(
      ToLongFunction<T> id,
      Function<T, String> name,
      Function<String, String> key,
      int shortest,
      boolean numbersTell) {
    if (shortest < 2) {
      throw new IllegalArgumentException("names shorter than 2 have no two ends to look up");
    }
    this.id = id;
    this.name = name;
    this.key = key;
    this.shortest = shortest;
    this.numbersTell = numbersTell;
  }

  /** The closest known one within the allowed edits, if any (never an exact match). */
  Optional<T> closest(WorkspaceId workspace, String typed, Added<T> added) {
    String typedKey = key.apply(typed);
    int allowed = allowedEdits(typedKey);
    if (allowed == 0) {
      return Optional.empty();
    }
    Names<T> known = names.computeIfAbsent(workspace, w -> new Names<>());
    synchronized (known) {
      catchUp(known, added);
      LevenshteinDistance distance = new LevenshteinDistance(allowed);
      T best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Name<T> candidate : known.sameEnds(typedKey, allowed)) {
        if (numbersTell && !numbers(typedKey).equals(numbers(candidate.key()))) {
          continue;
        }
        int d = distance.apply(typedKey, candidate.key());
        if (d > 0 && d < bestDistance) {
          best = candidate.known();
          bestDistance = d;
        }
      }
      return Optional.ofNullable(best);
    }
  }

  /**
   * Known ones for a name being typed, best first: names that begin with it, then names with a word
   * that begins with it, then names that begin within the allowed edits of it (a typo). With
   * nothing typed, the ones added last.
   */
  List<T> suggest(WorkspaceId workspace, String typed, Added<T> added, int most) {
    String typedKey = key.apply(typed);
    Names<T> known = names.computeIfAbsent(workspace, w -> new Names<>());
    synchronized (known) {
      catchUp(known, added);
      if (typedKey.isEmpty()) {
        List<T> newest = new ArrayList<>();
        for (int i = known.all.size() - 1; i >= 0 && newest.size() < most; i--) {
          newest.add(known.all.get(i).known());
        }
        return newest;
      }
      int allowed = allowedEdits(typedKey);
      LevenshteinDistance distance = new LevenshteinDistance(allowed);
      record Ranked<T>(T known, String name, int rank) {}
      List<Ranked<T>> ranked = new ArrayList<>();
      for (Name<T> candidate : known.all) {
        int rank;
        if (candidate.key().startsWith(typedKey)) {
          rank = 0;
        } else if (candidate.key().contains(" " + typedKey)) {
          rank = 1;
        } else if (allowed > 0 && candidate.key().length() >= typedKey.length()) {
          int d = distance.apply(typedKey, candidate.key().substring(0, typedKey.length()));
          rank = d < 0 ? -1 : 1 + d;
        } else {
          rank = -1;
        }
        if (rank >= 0) {
          ranked.add(new Ranked<>(candidate.known(), name.apply(candidate.known()), rank));
        }
      }
      return ranked.stream()
          .sorted(
              Comparator.<Ranked<T>>comparingInt(Ranked::rank)
                  .thenComparing(Ranked::name, String.CASE_INSENSITIVE_ORDER))
          .limit(most)
          .map(Ranked::known)
          .toList();
    }
  }

  /** The digits of a key in order: "rep 12" and "rep12" both have "12". */
  private static String numbers(String key) {
    return key.replaceAll("\\D+", " ").strip();
  }

  private int allowedEdits(String typedKey) {
    return typedKey.length() < shortest ? 0 : typedKey.length() < 10 ? 1 : 2;
  }

  private void catchUp(Names<T> known, Added<T> added) {
    for (T each : added.after(known.lastId)) {
      known.add(new Name<>(each, key.apply(name.apply(each))));
      known.lastId = Math.max(known.lastId, id.applyAsLong(each));
    }
  }

  /** A known name as the matcher compares it. */
  private record Name<T>(T known, String key) {}

  /**
   * One workspace's names, indexed by how they begin and end and by their length ("^ba|15",
   * "en$|15"), and the last id read.
   */
  private static final class Names<T> {
    private final List<Name<T>> all = new ArrayList<>();
    private final Map<String, List<Name<T>>> byEnds = new HashMap<>();
    private long lastId;

    void add(Name<T> name) {
      all.add(name);
      for (int width = 2; width <= 3; width++) {
        for (String end : ends(name.key(), width)) {
          byEnds.computeIfAbsent(end + "|" + name.key().length(), e -> new ArrayList<>()).add(name);
        }
      }
    }

    /**
     * The names that begin or end with the same characters as the key and are no more letters
     * longer or shorter than the edits allowed, each once.
     */
    Set<Name<T>> sameEnds(String key, int allowed) {
      // A name that both begins and ends like the key is listed twice; compare it once.
      Set<Name<T>> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
      if (key.length() < 4) {
        // The two ends of three characters share the middle one, which one edit changes: "ana"
        // and "ama" have no end in common. Names this short are few; compare each.
        for (Name<T> name : all) {
          if (Math.abs(name.key().length() - key.length()) <= allowed) {
            candidates.add(name);
          }
        }
        return candidates;
      }
      int width = allowed == 1 ? 2 : 3;
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
