package dev.salesmeter.core;

import java.util.Locale;

/** How a quote was chased. */
public enum FollowUpKind {
  CALL,
  VISIT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
