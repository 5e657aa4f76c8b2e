package dev.salesmeter.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code key:value} options of the text grammar, with their Dutch keys (COMMANDS.md). */
public enum OptionKey {
  DATE("date", "datum"),
  MARGIN("margin", "marge"),
  SOURCE("source", "bron"),
  REASON("reason", "reden"),
  PRODUCTS("products", "producten");

  private final String english;
  private final String dutch;

  OptionKey(String english, String dutch) {
    this.english = english;
    this.dutch = dutch;
  }

  public String english() {
    return english;
  }

  public String dutch() {
    return dutch;
  }

  public static Optional<OptionKey> fromKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(option -> option.english.equals(lower) || option.dutch.equals(lower))
        .findFirst();
  }
}
