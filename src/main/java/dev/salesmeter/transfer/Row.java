package dev.salesmeter.transfer;

import dev.salesmeter.core.SpreadsheetCell;
import java.util.List;
import java.util.Optional;

/**
 * One data row of an imported file, read through its header.
 *
 * @param line where the row begins, as an editor shows it (the header is line 1)
 */
record Row(long line, List<String> cells, Header header) {
  /**
   * A field's value: stripped, with the apostrophe that the export puts before a formula taken off
   * again; empty when blank. A field read from two columns takes the first one filled.
   */
  Optional<String> get(Field field) {
    for (int column : header.columns().getOrDefault(field, List.of())) {
      if (column < cells.size()) {
        String value = SpreadsheetCell.unprotect(cells.get(column).strip());
        if (!value.isEmpty()) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  /** The header of the column a problem with this field is about. */
  String column(Field field) {
    return header.nameOf(field);
  }
}
