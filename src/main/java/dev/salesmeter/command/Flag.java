package dev.salesmeter.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Words that switch something on when they stand at the end of a command (COMMANDS.md). */
public enum Flag {
  CROSS_SELL("cross-sell", "kruisverkoop", "crosssell"),
  NEW("new", "nieuw"),
  CALL("call", "bel"),
  VISIT("visit", "bezoek"),
  PRIVATE("private", "privé", "prive");

  private final String english;
  private final String dutch;
  private final List<String> words;

  Flag(String english, String dutch, String... otherSpellings) {
    this.english = english;
    this.dutch = dutch;
    this.words = Stream.concat(Stream.of(english, dutch), Arrays.stream(otherSpellings)).toList();
  }

  public String english() {
    return english;
  }

  public String dutch() {
    return dutch;
  }

  /** The flag a word stands for, in any language and case. */
  public static Optional<Flag> fromWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(flag -> flag.words.contains(lower)).findFirst();
  }
}
