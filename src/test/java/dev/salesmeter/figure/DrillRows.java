package dev.salesmeter.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.text.Messages;
import dev.salesmeter.figure.Drilldown.Column;
import dev.salesmeter.figure.Drilldown.Row;
import dev.salesmeter.figure.Drilldown.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Reading a drill-down in tests: its tables by key, cells by column key, live rows and sums. */
final class DrillRows {
  private DrillRows() {}

  static Table table(Drilldown drill, String key) {
    return drill.tables().stream()
        .filter(t -> t.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table " + key + " in " + drill));
  }

  static List<Row> live(Table table) {
    return table.rows().stream().filter(r -> !r.voided()).toList();
  }

  static List<Row> voided(Table table) {
    return table.rows().stream().filter(Row::voided).toList();
  }

  static Object cell(Table table, Row row, String column) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).key().equals(column)) {
        return row.cells().get(i);
      }
    }
    throw new AssertionError("no column " + column + " in table " + table.key());
  }

  static List<Object> column(Table table, List<Row> rows, String column) {
    return rows.stream().map(r -> cell(table, r, column)).toList();
  }

  /** The cents of a money column over some rows. */
  static long cents(Table table, List<Row> rows, String column) {
    return rows.stream()
        .map(r -> (Money) cell(table, r, column))
        .filter(Objects::nonNull)
        .mapToLong(Money::cents)
        .sum();
  }

  /** The rows whose boolean column is true. */
  static List<Row> flagged(Table table, List<Row> rows, String column) {
    return rows.stream().filter(r -> Boolean.TRUE.equals(cell(table, r, column))).toList();
  }

  /**
   * Every cell is of its column's kind (or null), every key has a heading in English and Dutch, and
   * a row is as wide as the columns.
   */
  static void wellFormed(Drilldown drill) {
    for (Messages messages :
        List.of(Messages.of(Locale.ENGLISH), Messages.of(Locale.forLanguageTag("nl")))) {
      for (Table table : drill.tables()) {
        assertThat(messages.has("drill.table." + table.key())).as(table.key()).isTrue();
        for (Column column : table.columns()) {
          assertThat(messages.has("drill.column." + column.key())).as(column.key()).isTrue();
        }
      }
    }
    for (Table table : drill.tables()) {
      for (Row row : table.rows()) {
        assertThat(row.cells()).hasSameSizeAs(table.columns());
        for (int i = 0; i < row.cells().size(); i++) {
          Object cell = row.cells().get(i);
          if (cell == null) {
            continue;
          }
          Class<?> kind =
              switch (table.columns().get(i).kind()) {
                case NUMBER -> Long.class;
                case DATE -> LocalDate.class;
                case INSTANT -> Instant.class;
                case TEXT -> String.class;
                case MONEY -> Money.class;
                case BOOLEAN -> Boolean.class;
              };
          assertThat(cell).as(table.key() + "." + table.columns().get(i).key()).isInstanceOf(kind);
        }
      }
    }
  }
}
