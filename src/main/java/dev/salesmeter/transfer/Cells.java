package dev.salesmeter.transfer;

import dev.salesmeter.command.InvalidInput;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the cells of one row, each through its rule, noting every cell a rule refuses (not only the
 * first), so that a file is corrected in one go.
 */
final class Cells {
  private final Row row;
  private final Problems problems;
  private boolean bad;

  Cells(Row row, Problems problems) {
    this.row = row;
    this.problems = problems;
  }

  /** A field's value read by a rule, if filled and valid. */
  <T> Optional<T> optional(Field field, Function<String, T> rule) {
    Optional<String> value = row.get(field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(rule.apply(value.get()));
    } catch (InvalidInput invalid) {
      problem(field, invalid);
      return Optional.empty();
    }
  }

  /**
   * A field's value that the row needs: empty is a problem too.
   *
   * @param whatNeedsIt a kind's code, or {@code event}, {@code deal}, {@code wonDeal}, {@code
   *     lostDeal}
   */
  <T> Optional<T> required(Field field, String whatNeedsIt, Function<String, T> rule) {
    if (row.get(field).isEmpty()) {
      problem(field, "import.required", field.exportName(), problems.what(whatNeedsIt));
      return Optional.empty();
    }
    return optional(field, rule);
  }

  /** A field the row's kind does not take must be empty. */
  void absent(Field field, String kind) {
    if (row.get(field).isPresent()) {
      problem(field, "import.notForKind", problems.what(kind), field.exportName());
    }
  }

  void problem(Field field, InvalidInput invalid) {
    bad = true;
    problems.add(row.line(), row.column(field), invalid);
  }

  void problem(Field field, String key, Object... args) {
    bad = true;
    problems.add(row.line(), row.column(field), key, args);
  }

  /** Whether a cell of the row was refused. */
  boolean bad() {
    return bad;
  }

  Row row() {
    return row;
  }
}
