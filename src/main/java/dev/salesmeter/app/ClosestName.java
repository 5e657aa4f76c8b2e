package dev.salesmeter.app;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The valid name closest to a mistyped one ({@code workspace.timezone} → {@code
 * workspace.time-zone}), for "did you mean". Only a name a few edits away counts: a guess that
 * shares little with what was typed would mislead more than it helps.
 */
final class ClosestName {
  private ClosestName() {}

  static Optional<String> to(String typed, Collection<String> valid) {
    String wanted = typed.toLowerCase(Locale.ROOT);
    int allowed = Math.max(2, wanted.length() / 4);
    LevenshteinDistance distance = new LevenshteinDistance(allowed);
    Optional<String> near =
        valid.stream()
            .filter(name -> distance.apply(wanted, name.toLowerCase(Locale.ROOT)) >= 0)
            .min(
                Comparator.comparingInt(
                        (String name) -> distance.apply(wanted, name.toLowerCase(Locale.ROOT)))
                    .thenComparing(Comparator.naturalOrder()));
    if (near.isPresent()) {
      return near;
    }
    // The right name in the wrong section: slack.time-zone → workspace.time-zone.
    String leaf = wanted.substring(wanted.lastIndexOf('.') + 1);
    return valid.stream()
        .filter(name -> name.contains(".") && name.endsWith("." + leaf))
        .sorted()
        .findFirst();
  }
}
