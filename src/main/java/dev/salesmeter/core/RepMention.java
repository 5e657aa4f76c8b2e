package dev.salesmeter.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A rep named in a command ({@code @bram}, {@code @"Anna de Vries"} or a Slack mention).
 *
 * @param platformUserId the platform's id when the platform resolved the mention, else empty
 * @param displayName the name as typed or as the platform shows it
 */
public record RepMention(Optional<String> platformUserId, String displayName) {
  public RepMention {
    Objects.requireNonNull(platformUserId, "platformUserId");
    Objects.requireNonNull(displayName, "displayName");
  }

  public static RepMention byName(String displayName) {
    return new RepMention(Optional.empty(), displayName);
  }
}
