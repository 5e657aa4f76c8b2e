package dev.salesmeter.core;

/** How a quote was chased. */
public enum FollowUpKind {
  CALL,
  VISIT;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
