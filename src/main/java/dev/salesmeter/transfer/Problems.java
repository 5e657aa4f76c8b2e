package dev.salesmeter.transfer;

import dev.salesmeter.command.Commands;
import dev.salesmeter.command.InvalidInput;
import dev.salesmeter.core.text.Formats;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad rows of an imported file, in the workspace's language: the first {@link #SHOWN} kept in
 * full, the rest counted (a file of a million bad rows must not become a million lines of text).
 */
final class Problems {
  /** How many bad rows a report lists before it only counts. */
  static final int SHOWN = 50;

  private final Formats formats;
  private final List<BadRow> first = new ArrayList<>();
  private long count;

  Problems(Formats formats) {
    this.formats = formats;
  }

  void add(long line, String column, String key, Object... args) {
    count++;
    if (first.size() < SHOWN) {
      first.add(new BadRow(line, column, formats.messages().get(key, args)));
    }
  }

  /** A value the command language's own rules refused, in the words a typed command gets. */
  void add(long line, String column, InvalidInput invalid) {
    count++;
    if (first.size() < SHOWN) {
      first.add(new BadRow(line, column, Commands.problem(invalid, formats)));
    }
  }

  /** What needs a field, in words: a kind's code, or a deal ({@code import.what.*}). */
  String what(String code) {
    return formats.messages().get("import.what." + code);
  }

  boolean any() {
    return count > 0;
  }

  long count() {
    return count;
  }

  List<BadRow> first() {
    return List.copyOf(first);
  }

  /** Every bad row shown, one a line, then how many more there are. */
  String lines() {
    StringBuilder text = new StringBuilder();
    for (BadRow row : first) {
      text.append(formats.messages().get("import.badRow", row.line(), row.column(), row.problem()))
          .append('\n');
    }
    if (count > first.size()) {
      text.append(formats.messages().get("import.moreBadRows", count - first.size())).append('\n');
    }
    return text.toString();
  }
}
