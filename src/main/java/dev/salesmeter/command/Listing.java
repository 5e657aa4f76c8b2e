package dev.salesmeter.command;

import java.util.List;

/**
 * A list Salesmeter wrote itself (the figures, a command's options) as an argument of an error
 * reply: shown whole, where text the user typed is shortened (see {@link Commands#explain}).
 */
record Listing(List<String> items) {
  Listing {
    items = List.copyOf(items);
  }

  @Override
  public String toString() {
    return String.join(", ", items);
  }
}
