package dev.salesmeter.command;

import dev.salesmeter.core.text.Messages;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code key:value} options of the text grammar, with their Dutch keys (COMMANDS.md). The first
 * three and the last four are the fields only {@code /edit} takes; the logging commands read those
 * from their words and flags.
 */
public enum OptionKey {
  AMOUNT("amount", "bedrag"),
  CUSTOMER("customer", "klant"),
  REP("rep", "verkoper"),
  DATE("date", "datum"),
  MARGIN("margin", "marge"),
  SOURCE("source", "bron"),
  REASON("reason", "reden"),
  PRODUCTS("products", "producten"),
  LABEL("label", "omschrijving"),
  PERIOD("period", "periode"),
  CROSS_SELL("cross-sell", "kruisverkoop"),
  KIND("kind", "soort");

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

  /** The key a speaker of the locale types. */
  public String in(Locale locale) {
    return Messages.isDutch(locale) ? dutch : english;
  }

  public static Optional<OptionKey> fromKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(option -> option.english.equals(lower) || option.dutch.equals(lower))
        .findFirst();
  }
}
